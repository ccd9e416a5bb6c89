package news.gazette.jobs;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;

import news.gazette.platform.nodes.ClusterLocks;
import news.gazette.platform.nodes.ClusterNode;
import news.gazette.platform.database.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs every queue that has a {@link JobHandler}: each poll, a queue not already being worked on is drained on its
 * own thread, which claims due messages and hands them to the queue's workers, at most the queue's rate a second.
 * Outcomes are written one message at a time, so a node that stops loses at most the messages it had begun.
 */
@Component
class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final Jobs jobs;
    private final JobClaims claims;
    private final JobsProperties properties;
    private final ClusterNode node;
    private final ClusterLocks locks;
    private final Clock clock;
    private final Map<String, Lane> lanes;

    JobRunner(List<JobHandler> handlers, Jobs jobs, JobClaims claims, JobsProperties properties, ClusterNode node,
              ClusterLocks locks, Clock clock) {
        this.jobs = jobs;
        this.claims = claims;
        this.properties = properties;
        this.node = node;
        this.locks = locks;
        this.clock = clock;
        this.lanes = handlers.stream().collect(Collectors.toUnmodifiableMap(JobHandler::queue,
                handler -> new Lane(handler, properties.queue(handler.queue()))));
    }

    /** One queue's handler, settings, throttle and threads. */
    private final class Lane {
        final JobHandler handler;
        final JobsProperties.Queue settings;
        final Throttle throttle;
        final ExecutorService drainer;
        final ExecutorService workers;
        final AtomicBoolean busy = new AtomicBoolean();
        final DatabaseOutage.Warnings warnings;
        volatile boolean recovered;

        Lane(JobHandler handler, JobsProperties.Queue settings) {
            this.handler = handler;
            this.settings = settings;
            this.throttle = new Throttle(settings.rate(), System::nanoTime);
            this.drainer = Executors.newSingleThreadExecutor(daemon("jobs-" + handler.queue()));
            this.workers = Executors.newFixedThreadPool(settings.concurrency(), daemon("jobs-" + handler.queue() + "-worker"));
            this.warnings = new DatabaseOutage.Warnings(log, "Jobs of queue " + handler.queue());
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Scheduled(fixedDelayString = "${gazette.jobs.poll-interval:1s}")
    void poll() {
        for (Lane lane : lanes.values()) {
            if (lane.busy.compareAndSet(false, true)) {
                try {
                    lane.drainer.execute(() -> {
                        try {
                            drain(lane);
                            lane.warnings.succeeded();
                        } catch (RuntimeException e) {
                            lane.warnings.failed(e);
                        } finally {
                            lane.busy.set(false);
                        }
                    });
                } catch (RejectedExecutionException stopping) {
                    lane.busy.set(false);
                }
            }
        }
    }

    /** Runs what is due in one queue until nothing is; what is begun later waits for the next poll. */
    void drain(String queue) {
        drain(lanes.get(queue));
    }

    private void drain(Lane lane) {
        String queue = lane.handler.queue();
        int recovered = jobs.recover(queue, lane.handler.atMostOnce(), clock.instant(),
                lane.recovered ? null : node.name(), node.instance());
        lane.recovered = true;
        if (recovered > 0) {
            log.info("Queue {}: {} messages of a stopped run recovered", queue, recovered);
        }
        int batch = lane.settings.concurrency() * 8;
        while (!lane.workers.isShutdown()) {
            Instant now = clock.instant();
            List<Job> claimed = claims.claim(queue, batch, node.instance(), now, now.plus(lane.settings.lease()));
            if (claimed.isEmpty()) {
                return;
            }
            List<Future<?>> running = new ArrayList<>(claimed.size());
            for (Job job : claimed) {
                lane.throttle.acquire();
                running.add(lane.workers.submit(() -> run(lane, job)));
            }
            for (Future<?> future : running) {
                try {
                    future.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        }
    }

    private void run(Lane lane, Job job) {
        jobs.begin(job.id(), clock.instant().plus(lane.settings.lease()));
        try {
            lane.handler.handle(job);
            jobs.done(job.id());
        } catch (JobFailure failure) {
            settle(lane, job, failure.getMessage(), failure.permanent());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            settle(lane, job, "Interrupted", false);
        } catch (Exception e) {
            settle(lane, job, e.getClass().getSimpleName() + ": " + e.getMessage(), false);
        }
    }

    private void settle(Lane lane, Job job, String error, boolean permanent) {
        if (permanent || job.attempts() >= lane.settings.maxAttempts()) {
            jobs.failed(job.id(), error);
            log.warn("Queue {}: message {} given up after {} attempts: {}", job.queue(), job.id(), job.attempts(), error);
        } else {
            jobs.retry(job.id(), clock.instant().plus(lane.settings.backoff(job.attempts())), error);
        }
    }

    /** Finished messages older than the retention are deleted, once per cluster an hour. */
    @Scheduled(fixedDelayString = "1h", initialDelayString = "10m")
    void prune() {
        locks.runOnce("jobs-prune", java.time.Duration.ofMinutes(50),
                () -> jobs.prune(clock.instant().minus(properties.retention())));
    }

    @PreDestroy
    void stop() {
        lanes.values().forEach(lane -> {
            lane.drainer.shutdown();
            lane.workers.shutdown();
            // Messages claimed but not begun are not started on a stopping node: the next start recovers them.
            if (lane.workers instanceof java.util.concurrent.ThreadPoolExecutor pool) {
                pool.getQueue().clear();
            }
            try {
                lane.workers.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
