package org.bootproxy.smartproxy;

import io.javalin.Javalin;
import io.javalin.http.Handler;
import org.bootproxy.support.Route;

/** The smart-proxy API's routes alone on a free loopback port (no bootproxy HTTP side), for its own tests. */
final class SmartProxyApp {

    private SmartProxyApp() {
    }

    static Javalin serve(SmartProxy proxy) {
        return Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            for (Route<Handler> r : proxy.routes()) {
                switch (r.method()) {
                    case GET -> cfg.routes.get(r.path(), r.handler());
                    case HEAD -> cfg.routes.head(r.path(), r.handler());
                    case POST -> cfg.routes.post(r.path(), r.handler());
                    case PUT -> cfg.routes.put(r.path(), r.handler());
                    case DELETE -> cfg.routes.delete(r.path(), r.handler());
                    default -> throw new IllegalStateException("no way to register " + r);
                }
            }
        }).start("127.0.0.1", 0);
    }
}
