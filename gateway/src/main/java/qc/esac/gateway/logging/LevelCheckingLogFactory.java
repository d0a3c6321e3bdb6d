package qc.esac.gateway.logging;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.commons.logging.impl.Slf4jLogFactory;

/**
 * Commons Logging for the gateway (chosen through {@code META-INF/services/org.apache.commons.logging.LogFactory}):
 * the SLF4J logs of commons-logging 1.3, each asked first whether its level is on. Commons-logging's own SLF4J log
 * renders every message ({@code String.valueOf}) before SLF4J drops it, so the lazy {@code LogMessage}s that Spring
 * Security's matchers and Spring's web code pass to {@code debug} on every request were formatted for nothing: 3 % of
 * the gateway's CPU per proxied call in its profile (spring-projects/spring-framework#37266).
 */
public final class LevelCheckingLogFactory extends LogFactory {

    private final Slf4jLogFactory slf4j = new Slf4jLogFactory();
    private final ConcurrentMap<String, Log> logs = new ConcurrentHashMap<>();

    @Override
    public Log getInstance(Class<?> clazz) {
        return getInstance(clazz.getName());
    }

    @Override
    public Log getInstance(String name) {
        return logs.computeIfAbsent(name, n -> new LevelCheckingLog(slf4j.getInstance(n)));
    }

    @Override
    public Object getAttribute(String name) {
        return slf4j.getAttribute(name);
    }

    @Override
    public String[] getAttributeNames() {
        return slf4j.getAttributeNames();
    }

    @Override
    public void release() {
        logs.clear();
        slf4j.release();
    }

    @Override
    public void removeAttribute(String name) {
        slf4j.removeAttribute(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        slf4j.setAttribute(name, value);
    }
}
