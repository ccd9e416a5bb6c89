package news.gazette.jobs;

import java.nio.charset.StandardCharsets;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;

/**
 * What db-scheduler is given: the data source, wrapped so that a message scheduled inside a transaction is written
 * in it (db-scheduler commits nothing itself when auto-commit is off), and payloads stored as UTF-8 text rather than
 * Java serialization.
 */
@Component
class JobScheduling {

    /** Payloads are strings; stored as their UTF-8 bytes. */
    static final Serializer TEXT = new Serializer() {
        @Override
        public byte[] serialize(Object data) {
            return data == null ? null : data.toString().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public <T> T deserialize(Class<T> type, byte[] bytes) {
            return bytes == null ? null : type.cast(new String(bytes, StandardCharsets.UTF_8));
        }
    };

    private final DataSource dataSource;
    private final SchedulerClient client;

    JobScheduling(DataSource dataSource) {
        this.dataSource = new TransactionAwareDataSourceProxy(dataSource);
        this.client = SchedulerClient.Builder.create(this.dataSource).serializer(TEXT).build();
    }

    DataSource dataSource() {
        return dataSource;
    }

    SchedulerClient client() {
        return client;
    }
}
