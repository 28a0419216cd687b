package io.tributary.server;

import java.util.Map;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Configurable;
import jakarta.ws.rs.core.Configuration;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * What a Kafka Connect REST extension registers its components with: the API's Jersey configuration, except that a
 * request filter given as an instance runs before matching and at authentication priority (see
 * {@link PreMatchingRequestFilter}). Counts those filters, so that the server knows whether requests are authenticated.
 */
final class ExtensionConfigurable implements Configurable<ExtensionConfigurable> {
    private final ResourceConfig resources;
    private int requestFilters;

    ExtensionConfigurable(ResourceConfig resources) {
        this.resources = resources;
    }

    int requestFilters() {
        return requestFilters;
    }

    @Override
    public Configuration getConfiguration() {
        return resources.getConfiguration();
    }

    @Override
    public ExtensionConfigurable property(String name, Object value) {
        resources.property(name, value);
        return this;
    }

    @Override
    public ExtensionConfigurable register(Object component) {
        return register(component, Priorities.AUTHENTICATION);
    }

    @Override
    public ExtensionConfigurable register(Object component, int priority) {
        countFilter(component.getClass());
        boolean postMatching = component instanceof ContainerRequestFilter
                && !component.getClass().isAnnotationPresent(PreMatching.class);
        resources.register(postMatching ? new PreMatchingRequestFilter((ContainerRequestFilter) component)
                : component, priority);
        return this;
    }

    @Override
    public ExtensionConfigurable register(Object component, Class<?>... contracts) {
        countFilter(component.getClass());
        resources.register(component, contracts);
        return this;
    }

    @Override
    public ExtensionConfigurable register(Object component, Map<Class<?>, Integer> contracts) {
        countFilter(component.getClass());
        resources.register(component, contracts);
        return this;
    }

    @Override
    public ExtensionConfigurable register(Class<?> componentClass) {
        countFilter(componentClass);
        resources.register(componentClass);
        return this;
    }

    @Override
    public ExtensionConfigurable register(Class<?> componentClass, int priority) {
        countFilter(componentClass);
        resources.register(componentClass, priority);
        return this;
    }

    @Override
    public ExtensionConfigurable register(Class<?> componentClass, Class<?>... contracts) {
        countFilter(componentClass);
        resources.register(componentClass, contracts);
        return this;
    }

    @Override
    public ExtensionConfigurable register(Class<?> componentClass, Map<Class<?>, Integer> contracts) {
        countFilter(componentClass);
        resources.register(componentClass, contracts);
        return this;
    }

    private void countFilter(Class<?> componentClass) {
        if (ContainerRequestFilter.class.isAssignableFrom(componentClass)) {
            requestFilters++;
        }
    }
}
