package io.valence.orm.it.session;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay in front of PostgreSQL that reads the wire protocol, to see what round trips really
 * happen: it holds every server message back for {@code responseDelay} and records, for each
 * request the client starts (a simple query, or the Parse/Bind/…/Sync of an extended query),
 * whether it arrived while an earlier request's ReadyForQuery had not been passed on yet. Such a
 * request was written without waiting for the answer before it: pipelined. The delay makes that
 * window wide, so the verdict does not depend on scheduling. Test scaffolding: blocking sockets, one
 * thread per direction; no SSL.
 */
final class WireTap implements AutoCloseable {

    /**
     * One request the client started: its SQL (or how it was sent), whether it was pipelined, and
     * how many Flush messages it sent before its Sync. Each Flush asks for answers without ending the
     * request, as a cursor does to fetch a slice of rows: one more round trip inside the request.
     */
    record Request(String sql, boolean pipelined, int flushes) {}

    private final String targetHost;
    private final int targetPort;
    private final Duration responseDelay;
    private final ServerSocket listener;
    private final List<Request> requests = new ArrayList<>();
    private final List<Socket> sockets = new ArrayList<>();

    private WireTap(String targetHost, int targetPort, Duration responseDelay) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.responseDelay = responseDelay;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon("wire-tap-accept", this::acceptLoop);
    }

    /** Starts relaying from an ephemeral loopback port to the database of {@code direct}. */
    static WireTap inFrontOf(ConnectionFactoryOptions direct, Duration responseDelay) {
        try {
            return new WireTap(String.valueOf(direct.getRequiredValue(ConnectionFactoryOptions.HOST)),
                    (Integer) direct.getRequiredValue(ConnectionFactoryOptions.PORT), responseDelay);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot open the wire tap's port", e);
        }
    }

    /** A pool of one connection that reaches the database of {@code direct} through this tap; the caller disposes it. */
    ConnectionPool onePool(ConnectionFactoryOptions direct) {
        return new ConnectionPool(ConnectionPoolConfiguration.builder(ConnectionFactories.get(direct.mutate()
                        .option(ConnectionFactoryOptions.HOST, "127.0.0.1")
                        .option(ConnectionFactoryOptions.PORT, listener.getLocalPort())
                        .build()))
                .maxSize(1)
                .build());
    }

    /** The requests seen since the start or the last {@link #clear()}, on every connection, in arrival order. */
    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    synchronized void clear() {
        requests.clear();
    }

    @Override
    public synchronized void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    private synchronized void record(Request request) {
        requests.add(request);
    }

    private synchronized void track(Socket socket) {
        sockets.add(socket);
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(targetHost, targetPort);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                track(client);
                track(server);
                new Link(client, server).start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** One client connection: client→server is forwarded at once, server→client after the delay. */
    private final class Link {
        private final Socket client;
        private final Socket server;
        /** Sync points (startup, Query, Sync) whose ReadyForQuery was not passed to the client yet. */
        private final AtomicInteger unanswered = new AtomicInteger();
        private final BlockingQueue<Held> held = new LinkedBlockingQueue<>();

        private record Held(byte[] bytes, boolean readyForQuery, long dueNanos) {}

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void start() {
            daemon("wire-tap-requests", this::requests);
            daemon("wire-tap-responses", this::responses);
            daemon("wire-tap-release", this::release);
        }

        private void requests() {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(client.getInputStream()));
                    OutputStream out = server.getOutputStream()) {
                byte[] startup = new byte[in.readInt() - 4];
                in.readFully(startup);
                unanswered.incrementAndGet();
                forward(out, null, startup);
                boolean open = false;
                boolean pipelined = false;
                int flushes = 0;
                String sql = "(prepared statement)";
                while (true) {
                    byte type = in.readByte();
                    byte[] payload = new byte[in.readInt() - 4];
                    in.readFully(payload);
                    if (type == 'Q' || type == 'P' || type == 'B') {
                        if (!open) {
                            open = true;
                            pipelined = unanswered.get() > 0;
                            flushes = 0;
                            sql = "(prepared statement)";
                        }
                        if (type == 'Q') {
                            sql = text(payload, 0);
                        } else if (type == 'P') {
                            sql = text(payload, text(payload, 0).getBytes(StandardCharsets.UTF_8).length + 1);
                        }
                    }
                    if (type == 'H' && open) {
                        flushes++;
                    }
                    if (type == 'Q' || type == 'S') {
                        unanswered.incrementAndGet();
                        if (open) {
                            record(new Request(sql, pipelined, flushes));
                            open = false;
                        }
                    }
                    forward(out, type, payload);
                }
            } catch (IOException closed) {
                // the client or the tap closed the connection
            }
        }

        private void responses() {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(server.getInputStream()))) {
                while (true) {
                    byte type = in.readByte();
                    int length = in.readInt();
                    byte[] message = new byte[length + 1];
                    message[0] = type;
                    message[1] = (byte) (length >>> 24);
                    message[2] = (byte) (length >>> 16);
                    message[3] = (byte) (length >>> 8);
                    message[4] = (byte) length;
                    in.readFully(message, 5, length - 4);
                    held.add(new Held(message, type == 'Z', System.nanoTime() + responseDelay.toNanos()));
                }
            } catch (IOException closed) {
                // the server or the tap closed the connection
            }
        }

        private void release() {
            try (OutputStream out = client.getOutputStream()) {
                while (true) {
                    Held message = held.take();
                    long wait = message.dueNanos() - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    if (message.readyForQuery()) {
                        // counted before it is written: a request the client sends on reading it
                        // must never look pipelined, however the tap's threads are scheduled
                        unanswered.decrementAndGet();
                    }
                    out.write(message.bytes());
                    out.flush();
                }
            } catch (IOException | InterruptedException closed) {
                // the client or the tap closed the connection
            }
        }

        private void forward(OutputStream out, Byte type, byte[] payload) throws IOException {
            DataOutputStream data = new DataOutputStream(out);
            if (type != null) {
                data.writeByte(type);
            }
            data.writeInt(payload.length + 4);
            data.write(payload);
            data.flush();
        }

        private String text(byte[] payload, int from) {
            int end = from;
            while (end < payload.length && payload[end] != 0) {
                end++;
            }
            return new String(payload, from, end - from, StandardCharsets.UTF_8);
        }
    }
}
