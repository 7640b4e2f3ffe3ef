import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The ceiling of the HTTP stack on this machine: the same Jetty 12 the platform ships, one handler answering a
 * constant ping body, nothing else. Run by benchmarks/http.sh in source-file mode: java -cp JARS BareJetty.java PORT
 */
public final class BareJetty {
    public static void main(String[] args) throws Exception {
        Server server = new Server(new QueuedThreadPool(200, 8));
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(Integer.parseInt(args[0]));
        server.addConnector(connector);
        byte[] body = "{\"pong\":true,\"timestamp\":1795452530914}".getBytes(StandardCharsets.UTF_8);
        server.setHandler(new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                response.write(true, ByteBuffer.wrap(body), callback);
                return true;
            }
        });
        server.start();
        server.join();
    }
}
