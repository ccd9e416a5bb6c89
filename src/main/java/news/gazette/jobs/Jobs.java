package news.gazette.jobs;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Putting messages in and reading their outcomes. A message is a row of the key register ({@code jobs}: once per
 * key, its state and attempts) and, until it has run, a db-scheduler execution ({@code scheduled_tasks}: task name =
 * queue, instance id = key, data = payload), both written in one transaction. States: {@code pending} (waiting, or
 * due), {@code running} (begun), {@code done}, {@code failed} (given up) and {@code unknown} (it had begun when its
 * node stopped, and its queue runs each message at most once).
 */
@Component
public class Jobs {

    /** A message to put in: its key is unique in its queue. */
    public record Message(String key, String payload) {
    }

    private static final String REGISTER = """
            insert into jobs (queue, message_key, state, attempts, created_at)
            values (?, ?, 'pending', 0, ?) on conflict do nothing""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final SchedulerClient scheduler;
    private final TransactionTemplate transaction;
    private final ObjectProvider<JobRunner> runner;
    private final Clock clock;

    Jobs(JdbcClient jdbc, JdbcTemplate batch, JobScheduling scheduling, TransactionTemplate transaction,
         ObjectProvider<JobRunner> runner, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.scheduler = scheduling.client();
        this.transaction = transaction;
        this.runner = runner;
        this.clock = clock;
    }

    /** Puts a message in, due now; false when the queue already holds (or held, within the retention) its key. */
    public boolean enqueue(String queue, String key, String payload) {
        return enqueue(queue, key, payload, clock.instant());
    }

    public boolean enqueue(String queue, String key, String payload, Instant due) {
        Boolean added = transaction.execute(status -> {
            if (jdbc.sql(REGISTER).params(queue, key, Timestamp.from(clock.instant())).update() == 0) {
                return false;
            }
            scheduler.scheduleIfNotExists(new TaskInstance<>(queue, key, payload), due);
            return true;
        });
        runner.ifAvailable(JobRunner::wake);
        return Boolean.TRUE.equals(added);
    }

    /** Puts many messages in at once (in batches); keys already held are skipped. Returns how many were added. */
    public int enqueueAll(String queue, Collection<Message> messages) {
        Timestamp now = Timestamp.from(clock.instant());
        List<Message> list = new ArrayList<>(messages);
        int added = 0;
        for (int from = 0; from < list.size(); from += 1000) {
            List<Message> part = list.subList(from, Math.min(list.size(), from + 1000));
            added += transaction.execute(status -> {
                int[] counts = batch.batchUpdate(REGISTER, part.stream()
                        .map(m -> new Object[]{queue, m.key(), now}).toList());
                List<TaskInstance<?>> fresh = new ArrayList<>();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] > 0 || counts[i] == java.sql.Statement.SUCCESS_NO_INFO) {
                        fresh.add(new TaskInstance<>(queue, part.get(i).key(), part.get(i).payload()));
                    }
                }
                if (!fresh.isEmpty()) {
                    scheduler.scheduleBatch(fresh, now.toInstant());
                }
                return fresh.size();
            });
            runner.ifAvailable(JobRunner::wake);
        }
        return added;
    }

    /**
     * Whether this node's queue is stopping: a handler that works through many steps (a batch) checks it between
     * steps and ends early, leaving the rest for a later run (its message is retried, JobHandler#atMostOnce false).
     */
    public boolean stopping() {
        JobRunner running = runner.getIfAvailable();
        return running == null || running.stopping();
    }

    /** How many messages of the queue whose key starts with {@code prefix} are in each state. */
    public Map<String, Long> countByState(String queue, String keyPrefix) {
        return jdbc.sql("select state, count(*) n from jobs where queue = ? and message_key like ? group by state")
                .params(queue, escapeLike(keyPrefix) + "%")
                .query((rs, row) -> Map.entry(rs.getString("state"), rs.getLong("n"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Whether no message of the queue is waiting or running. */
    public boolean idle(String queue) {
        Map<String, Long> states = countByState(queue, "");
        return !states.containsKey("pending") && !states.containsKey("running");
    }

    /** The state of one message, or {@code null} when the queue holds no such key. */
    public String stateOf(String queue, String key) {
        return jdbc.sql("select state from jobs where queue = ? and message_key = ?").params(queue, key)
                .query(String.class).optional().orElse(null);
    }

    /** The number of attempts of one message so far (0 when none or when there is no such key). */
    public int attemptsOf(String queue, String key) {
        return jdbc.sql("select attempts from jobs where queue = ? and message_key = ?").params(queue, key)
                .query(Integer.class).optional().orElse(0);
    }

    /**
     * Forgets the messages whose key starts with {@code prefix} (a subscriber's data removed on request): the
     * waiting ones are taken off db-scheduler; one running now finishes and finds its key gone.
     */
    public int forget(String queue, String keyPrefix) {
        String like = escapeLike(keyPrefix) + "%";
        return transaction.execute(status -> {
            jdbc.sql("delete from scheduled_tasks where task_name = ? and task_instance like ? and picked = false")
                    .params(queue, like).update();
            return jdbc.sql("delete from jobs where queue = ? and message_key like ?").params(queue, like).update();
        });
    }

    static String escapeLike(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
