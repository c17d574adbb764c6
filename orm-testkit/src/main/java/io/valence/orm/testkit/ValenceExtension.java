package io.valence.orm.testkit;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import io.valence.orm.reactive.SessionFactory;
import io.valence.orm.testkit.internal.ClassResources;
import io.valence.orm.testkit.internal.LeakCheck;
import io.valence.orm.testkit.internal.NettyLeaks;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The extension behind {@link ValenceTest}: per-class resources kept in the class's
 * {@link ExtensionContext.Store} (closed by JUnit when the class finishes), parameters resolved
 * from them, and the after-each leak checks: connections still acquired, and, when Netty records
 * its leaks through the testkit ({@link NettyLeaks#recording()}), buffers the test leaked. A new
 * parameter type is one entry in {@link #PARAMETERS}, and a resource of its own in
 * {@link ClassResources#resource}.
 */
final class ValenceExtension implements ParameterResolver, BeforeEachCallback, AfterEachCallback {

    private static final Logger LOG = LoggerFactory.getLogger(ValenceExtension.class);
    private static final String NETTY_LEAK_MARK = "nettyLeakMark";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ValenceExtension.class);
    private static final Duration LEAK_GRACE = Duration.ofSeconds(2);
    private static final Duration SCHEMA_TIMEOUT = Duration.ofSeconds(60);

    private static final Map<Class<?>, Function<ClassResources, Object>> PARAMETERS = Map.of(
            ConnectionPool.class, ClassResources::pool,
            ConnectionFactory.class, ClassResources::pool,
            StatementRecorder.class, ClassResources::recorder,
            IsolatedDatabase.class, ClassResources::database,
            TestDatabase.class, resources -> resources.database().server(),
            SessionFactory.class, ValenceExtension::sessionFactory);

    /** Instantiated by JUnit through {@link ValenceTest}. */
    ValenceExtension() {}

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return PARAMETERS.containsKey(parameterContext.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return PARAMETERS.get(parameterContext.getParameter().getType()).apply(resources(extensionContext));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (NettyLeaks.recording()) {
            context.getStore(NAMESPACE).put(NETTY_LEAK_MARK, NettyLeaks.mark());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        ClassResources resources = classContext.getStore(NAMESPACE).get(classContext.getRequiredTestClass(), ClassResources.class);
        if (resources != null) {
            resources.openedPool().ifPresent(pool -> LeakCheck.verify(
                    resources.database().name(), context.getDisplayName(), () -> acquiredSize(pool), LEAK_GRACE));
        }
        checkNettyLeaks(context);
    }

    /**
     * Makes Netty report what the test leaked (a leak is reported only once the buffer was collected)
     * and fails the test on it when {@link NettyLeaks#failing()}; otherwise logs a warning.
     */
    private static void checkNettyLeaks(ExtensionContext context) {
        Integer mark = context.getStore(NAMESPACE).get(NETTY_LEAK_MARK, Integer.class);
        if (mark == null) {
            return;
        }
        NettyLeaks.flush();
        List<String> reports = NettyLeaks.reportsSince(mark);
        if (reports.isEmpty()) {
            return;
        }
        AssertionError failure = NettyLeaks.failure(context.getDisplayName(), reports);
        if (NettyLeaks.failing()) {
            throw failure;
        }
        LOG.warn("{} (set -D{}=true to fail the test)", failure.getMessage(), NettyLeaks.FAIL_PROPERTY);
    }

    /** The class's factory for its declared entities, on a freshly created schema; closed before the pool. */
    private static SessionFactory sessionFactory(ClassResources resources) {
        return resources.resource(SessionFactory.class, owner -> {
            List<Class<?>> entities = owner.settings().entities();
            if (entities.isEmpty()) {
                throw new IllegalStateException("A SessionFactory parameter needs the entity classes: declare them with"
                        + " @ValenceTest(entities = {…})");
            }
            SessionFactory factory = SessionFactory.builder(owner.pool()).entities(entities.toArray(Class<?>[]::new)).build();
            factory.schema().create().block(SCHEMA_TIMEOUT);
            return factory;
        }, factory -> factory.close().block(SCHEMA_TIMEOUT));
    }

    private static int acquiredSize(ConnectionPool pool) {
        return pool.getMetrics()
                .orElseThrow(() -> new IllegalStateException("The pool " + pool + " reports no metrics; the leak check needs them"))
                .acquiredSize();
    }

    private static ClassResources resources(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        Class<?> testClass = classContext.getRequiredTestClass();
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(testClass, type -> create(type), ClassResources.class);
    }

    private static ClassResources create(Class<?> testClass) {
        ValenceTest settings = annotation(testClass).orElseThrow(() -> new IllegalStateException(
                testClass.getName() + " uses the Valence extension without @ValenceTest; annotate the class with @ValenceTest"));
        return new ClassResources(
                testClass.getName().substring(testClass.getName().lastIndexOf('.') + 1),
                new ClassResources.Settings(settings.maxPoolSize(), Duration.ofMillis(settings.acquireTimeoutMillis()),
                        List.of(settings.entities())),
                TestDatabase::shared);
    }

    /** The annotation on the class, a superclass, or for a {@code @Nested} class an enclosing one. */
    private static Optional<ValenceTest> annotation(Class<?> testClass) {
        for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
            Optional<ValenceTest> found = AnnotationSupport.findAnnotation(type, ValenceTest.class);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The context of the test class itself (not of a method or an invocation of it). */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }
}
