package news.gazette.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One queue as a db-scheduler task: its handler, settings, throttle and the number it may run at once on this node.
 * Outcomes are written to the key register; db-scheduler's execution is removed when the message is finished and
 * rescheduled (after the backoff, at least {@code Retry-After}) when it is to be tried again. A dead execution (its
 * node stopped heart-beating) that had begun is never revived for an at-most-once queue: it becomes {@code unknown}.
 */
final class JobTask {

    private static final Logger log = LoggerFactory.getLogger(JobTask.class);

    private final JobHandler handler;
    private final JobsProperties.Queue settings;
    private final JobKeys keys;
    private final Clock clock;
    private final Throttle throttle;
    private final Semaphore slots;

    JobTask(JobHandler handler, JobsProperties.Queue settings, JobKeys keys, Clock clock) {
        this.handler = handler;
        this.settings = settings;
        this.keys = keys;
        this.clock = clock;
        this.throttle = new Throttle(settings.rate(), System::nanoTime);
        this.slots = new Semaphore(settings.concurrency());
    }

    int concurrency() {
        return settings.concurrency();
    }

    CustomTask<String> task() {
        return Tasks.custom(handler.queue(), String.class)
                // An Error (the node failing) leaves the execution picked: without heartbeats it becomes dead.
                .onFailure((complete, operations) -> log.error("Queue {}: message {} stopped by {}", handler.queue(),
                        complete.getExecution().taskInstance.getId(), complete.getCause().orElse(null)))
                .onDeadExecution(this::dead)
                .execute(this::execute);
    }

    private CompletionHandler<String> execute(TaskInstance<String> instance, ExecutionContext context) {
        String queue = handler.queue();
        String key = instance.getId();
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return reschedule(clock.instant());
        }
        try {
            throttle.acquire();
            int attempts = keys.begin(queue, key);
            if (attempts == 0) {
                // Forgotten, or finished by an earlier run: nothing to do.
                return (complete, operations) -> operations.remove();
            }
            return run(new Job(queue, key, instance.getData(), attempts), context);
        } finally {
            slots.release();
        }
    }

    private CompletionHandler<String> run(Job job, ExecutionContext context) {
        try {
            handler.handle(job, () -> context.getSchedulerState().isShuttingDown());
            keys.done(job.queue(), job.key());
            return (complete, operations) -> operations.remove();
        } catch (JobFailure failure) {
            return settle(job, failure.getMessage(), failure.permanent(), failure.retryAfter(), context);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return settle(job, "Interrupted", false, null, context);
        } catch (Exception e) {
            return settle(job, e.getClass().getSimpleName() + ": " + e.getMessage(), false, null, context);
        }
    }

    private CompletionHandler<String> settle(Job job, String error, boolean permanent, Duration retryAfter,
                                             ExecutionContext context) {
        if (handler.atMostOnce() && (context.getSchedulerState().isShuttingDown() || Thread.interrupted())) {
            // Cut short by a stopping node: it may have reached the other side.
            keys.unknown(job.queue(), job.key(), error);
            return (complete, operations) -> operations.remove();
        }
        if (permanent || job.attempts() >= settings.maxAttempts()) {
            keys.failed(job.queue(), job.key(), error);
            log.warn("Queue {}: message {} given up after {} attempts: {}", job.queue(), job.key(), job.attempts(), error);
            return (complete, operations) -> operations.remove();
        }
        Duration wait = settings.backoff(job.attempts());
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter;
        }
        keys.retry(job.queue(), job.key(), error);
        return reschedule(clock.instant().plus(wait));
    }

    private static CompletionHandler<String> reschedule(Instant at) {
        return (complete, operations) -> operations.reschedule(complete, at);
    }

    private void dead(com.github.kagkarlsson.scheduler.task.ExecutionComplete complete,
                      ExecutionOperations<String> operations) {
        String queue = handler.queue();
        String key = complete.getExecution().taskInstance.getId();
        String state = keys.state(queue, key);
        if ("pending".equals(state)) {
            operations.reschedule(complete, clock.instant());
        } else if ("running".equals(state) && !handler.atMostOnce()) {
            keys.retry(queue, key, "Its node stopped");
            operations.reschedule(complete, clock.instant());
        } else {
            if ("running".equals(state)) {
                keys.unknown(queue, key, "Its node stopped while running it");
                log.warn("Queue {}: message {} had begun on a node that stopped; not run again", queue, key);
            }
            operations.remove();
        }
    }
}
