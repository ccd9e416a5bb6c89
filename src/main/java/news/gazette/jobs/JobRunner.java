package news.gazette.jobs;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import news.gazette.platform.nodes.ClusterLocks;
import news.gazette.platform.nodes.ClusterNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs every queue that has a {@link JobHandler} on db-scheduler (ADR 80): one scheduler per node, named after the
 * node's instance, with as many threads as the queues' concurrencies together. It starts with the application and
 * stops before the database does, waiting {@code gazette.jobs.stop-wait} for the messages it is running.
 */
@Component
class JobRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final List<JobTask> tasks;
    private final JobScheduling scheduling;
    private final JobKeys keys;
    private final JobsProperties properties;
    private final ClusterNode node;
    private final ClusterLocks locks;
    private final Clock clock;
    private volatile Scheduler scheduler;

    JobRunner(List<JobHandler> handlers, JobScheduling scheduling, JobKeys keys, JobsProperties properties,
              ClusterNode node, ClusterLocks locks, Clock clock) {
        this.tasks = handlers.stream().map(h -> new JobTask(h, properties.queue(h.queue()), keys, clock)).toList();
        this.scheduling = scheduling;
        this.keys = keys;
        this.properties = properties;
        this.node = node;
        this.locks = locks;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        adopt();
        List<Task<?>> known = tasks.stream().<Task<?>>map(JobTask::task).toList();
        scheduler = Scheduler.create(scheduling.dataSource(), known)
                .schedulerName(new SchedulerName.Fixed(node.instance()))
                .serializer(JobScheduling.TEXT)
                .threads(Math.max(1, tasks.stream().mapToInt(JobTask::concurrency).sum()))
                .pollingInterval(properties.pollInterval())
                .heartbeatInterval(properties.heartbeat())
                .missedHeartbeatsLimit(4)
                .shutdownMaxWait(properties.stopWait())
                .deleteUnresolvedAfter(Duration.ofDays(3650))
                .alwaysPersistTimestampInUTC()
                .enableImmediateExecution()
                .build();
        scheduler.start();
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.stop();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    /** Whether this node's queue is stopping (or not running): a long handler should end its step and return. */
    boolean stopping() {
        Scheduler running = scheduler;
        return running == null || running.getSchedulerState().isShuttingDown();
    }

    /** Asks the scheduler to look for due messages now (after messages were put in). */
    void wake() {
        Scheduler running = scheduler;
        if (running != null) {
            running.triggerCheckForDueExecutions();
        }
    }

    /** Messages the queue held before db-scheduler ran it (ADR 80) are handed to db-scheduler once. */
    private void adopt() {
        try {
            for (Job job : keys.adoptable()) {
                scheduling.client().scheduleIfNotExists(new TaskInstance<>(job.queue(), job.key(), job.payload()),
                        clock.instant());
                keys.adopted(job.queue(), job.key());
            }
        } catch (RuntimeException e) {
            log.warn("Messages of the earlier queue not handed over yet: {}", e.toString());
        }
    }

    /** Finished messages older than the retention are deleted, once per cluster an hour. */
    @Scheduled(fixedDelayString = "1h", initialDelayString = "10m")
    void prune() {
        locks.runOnce("jobs-prune", Duration.ofMinutes(50), () -> keys.prune(clock.instant().minus(properties.retention())));
    }
}
