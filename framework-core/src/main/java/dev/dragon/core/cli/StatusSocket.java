package dev.dragon.core.cli;

import java.io.Closeable;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local status channel between {@code dragon serve} and {@code dragon status}: a Unix domain socket (so it is
 * reachable from this machine only, guarded by file permissions). A client connects and reads one JSON document.
 */
final class StatusSocket implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(StatusSocket.class);

    private final Path path;
    private final ServerSocketChannel server;
    private final Thread acceptor;

    private StatusSocket(Path path, ServerSocketChannel server, Supplier<String> document) {
        this.path = path;
        this.server = server;
        this.acceptor = new Thread(() -> acceptLoop(document), "dragon-status");
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    /**
     * Starts answering status requests at {@code path}. A stale socket file left by a killed server is replaced;
     * a live one means another server is running, which is an error.
     */
    static StatusSocket open(Path path, Supplier<String> document) throws IOException {
        Files.createDirectories(path.toAbsolutePath().getParent());
        if (Files.exists(path)) {
            if (isAnswering(path)) throw new IOException("another 'dragon serve' is already answering at " + path);
            Files.delete(path); // left behind by a server that was killed
        }
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        return new StatusSocket(path, server, document);
    }

    private static boolean isAnswering(Path path) {
        try {
            request(path);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** Connects to a running server and returns its status document. */
    static String request(Path path) throws IOException {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
            while (channel.read(buffer) >= 0) {
                buffer.flip();
                all.write(buffer.array(), 0, buffer.limit());
                buffer.clear();
            }
            return all.toString(StandardCharsets.UTF_8);
        }
    }

    private void acceptLoop(Supplier<String> document) {
        while (server.isOpen()) {
            try (SocketChannel client = server.accept()) {
                ByteBuffer reply = ByteBuffer.wrap(document.get().getBytes(StandardCharsets.UTF_8));
                while (reply.hasRemaining()) client.write(reply);
            } catch (ClosedChannelException closed) {
                return;
            } catch (IOException | RuntimeException e) {
                LOG.warn("status request failed: {}", e.toString());
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(path);
    }
}
