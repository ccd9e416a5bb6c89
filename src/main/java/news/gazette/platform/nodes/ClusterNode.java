package news.gazette.platform.nodes;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This node of the cluster: a name for logs and metrics ({@code gazette.node-name}, the host name by default) and an
 * id that is new on every start, so the rows this run wrote can be told from those of other nodes and earlier runs.
 */
@Component
public class ClusterNode {

    private final String name;
    private final String instance;

    ClusterNode(@Value("${gazette.node-name:}") String name) {
        this.name = name.isBlank() ? hostName() : name;
        this.instance = this.name + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String name() {
        return name;
    }

    /** The name with a random suffix, unique to this run of the node. */
    public String instance() {
        return instance;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "gazette";
        }
    }
}
