package io.valence.orm.testkit.internal;

import io.r2dbc.proxy.core.Binding;
import io.r2dbc.proxy.core.Bindings;
import io.r2dbc.proxy.core.ConnectionInfo;
import io.r2dbc.proxy.core.ExecutionType;
import io.r2dbc.proxy.core.MethodExecutionInfo;
import io.r2dbc.proxy.core.QueryExecutionInfo;
import io.r2dbc.proxy.core.QueryInfo;
import io.r2dbc.proxy.listener.ProxyExecutionListener;
import io.r2dbc.spi.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The r2dbc-proxy listener behind {@code StatementRecorder}: one log entry per
 * {@code Statement}/{@code Batch} execution, opened in {@code beforeQuery} (the execute publisher
 * is subscribed) and closed in {@code afterQuery} (its results were consumed, failed or were
 * cancelled), plus one per transaction-control call on a {@code Connection}, opened in
 * {@code beforeMethod} and closed in {@code afterMethod} (for these publisher-returning methods,
 * r2dbc-proxy calls them at subscription and at completion, error or cancel).
 */
public final class RecordingListener implements ProxyExecutionListener {

    private static final String ENTRY_KEY = RecordingListener.class.getName() + ".entry";

    private final StatementLog log;

    /**
     * Creates a listener writing to the log.
     *
     * @param log where executions go
     */
    public RecordingListener(StatementLog log) {
        this.log = log;
    }

    @Override
    public void beforeQuery(QueryExecutionInfo execution) {
        String sql = execution.getQueries().stream().map(QueryInfo::getQuery).collect(Collectors.joining(";\n"));
        StatementLog.Entry entry = log.start(sql, boundValues(execution),
                execution.getType() == ExecutionType.BATCH, connectionId(execution.getConnectionInfo()));
        execution.getValueStore().put(ENTRY_KEY, entry);
    }

    /**
     * The values of each binding of the execution, in parameter order ({@code null} for a NULL): by
     * index as Valence binds, or by name ({@code "$2"}) in the order of the names' numbers.
     */
    private static List<List<@Nullable Object>> boundValues(QueryExecutionInfo execution) {
        List<List<@Nullable Object>> all = new ArrayList<>();
        for (QueryInfo query : execution.getQueries()) {
            for (Bindings bindings : query.getBindingsList()) {
                List<Binding> ordered = new ArrayList<>(bindings.getIndexBindings());
                bindings.getNamedBindings().stream()
                        .sorted(Comparator.comparingInt(binding -> parameterNumber(binding.getKey())))
                        .forEach(ordered::add);
                List<@Nullable Object> values = new ArrayList<>();
                for (Binding binding : ordered) {
                    values.add(binding.getBoundValue().isNull() ? null : binding.getBoundValue().getValue());
                }
                all.add(values);
            }
        }
        return all;
    }

    /** {@code 2} for {@code "$2"}; names that are not {@code $n} sort last. */
    private static int parameterNumber(Object name) {
        String text = name.toString();
        return text.matches("\\$\\d+") ? Integer.parseInt(text.substring(1)) : Integer.MAX_VALUE;
    }

    @Override
    public void afterQuery(QueryExecutionInfo execution) {
        StatementLog.Entry entry = execution.getValueStore().get(ENTRY_KEY, StatementLog.Entry.class);
        if (entry != null) {
            entry.finish(execution.isSuccess(), execution.getExecuteDuration(), execution.getThrowable());
        }
    }

    @Override
    public void beforeMethod(MethodExecutionInfo execution) {
        if (!(execution.getTarget() instanceof Connection)) {
            return;
        }
        String command = transactionCommand(execution.getMethod().getName(), execution.getMethodArgs());
        if (command != null) {
            execution.getValueStore().put(ENTRY_KEY, log.start(command, List.of(), false, connectionId(execution.getConnectionInfo())));
        }
    }

    @Override
    public void afterMethod(MethodExecutionInfo execution) {
        StatementLog.Entry entry = execution.getValueStore().get(ENTRY_KEY, StatementLog.Entry.class);
        if (entry != null) {
            entry.finish(execution.getThrown() == null, execution.getExecuteDuration(), execution.getThrown());
        }
    }

    /** The SQL a transaction-control method stands for, named after the method; null for other methods. */
    static @Nullable String transactionCommand(String method, Object @Nullable [] arguments) {
        String argument = arguments != null && arguments.length == 1 ? String.valueOf(arguments[0]) : "";
        String sql = switch (method) {
            case "beginTransaction" -> "BEGIN";
            case "commitTransaction" -> "COMMIT";
            case "rollbackTransaction" -> "ROLLBACK";
            case "createSavepoint" -> "SAVEPOINT " + argument;
            case "releaseSavepoint" -> "RELEASE SAVEPOINT " + argument;
            case "rollbackTransactionToSavepoint" -> "ROLLBACK TO SAVEPOINT " + argument;
            default -> null;
        };
        return sql == null ? null : sql + " (Connection." + method + ")";
    }

    private static String connectionId(@Nullable ConnectionInfo connection) {
        return connection == null || connection.getConnectionId() == null ? "?" : connection.getConnectionId();
    }
}
