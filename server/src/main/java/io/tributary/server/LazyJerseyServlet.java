package io.tributary.server;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * Jersey, started on the first request instead of with the server. Starting Jersey (its injection container, the
 * resource model) takes about a second and two CPU-seconds on this class of machine; a pipeline whose API nobody
 * calls — most runs, and every benchmark run — should not pay that, nor wait for it before its first event.
 */
final class LazyJerseyServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient ResourceConfig resources;
    private transient volatile ServletContainer jersey;

    LazyJerseyServlet(ResourceConfig resources) {
        this.resources = resources;
    }

    @Override
    public void service(ServletRequest request, ServletResponse response) throws ServletException, IOException {
        jersey().service(request, response);
    }

    private ServletContainer jersey() throws ServletException {
        ServletContainer started = jersey;
        if (started == null) {
            synchronized (this) {
                started = jersey;
                if (started == null) {
                    started = new ServletContainer(resources);
                    started.init(getServletConfig());
                    jersey = started;
                }
            }
        }
        return started;
    }

    @Override
    public void destroy() {
        ServletContainer started = jersey;
        if (started != null) {
            started.destroy();
        }
    }
}
