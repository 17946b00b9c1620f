package io.codedrop.campaign;

import io.codedrop.support.observability.RequestIdFilter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/** Test-only endpoint: logs and answers the request id as the MDC holds it after a round trip to the database. */
@Path("/test/request-id")
public class RequestIdProbeResource {
    static final Logger LOG = Logger.getLogger(RequestIdProbeResource.class);

    private final Pool database;

    public RequestIdProbeResource(Pool database) {
        this.database = database;
    }

    @GET
    public Uni<String> probe() {
        return database.query("SELECT pg_sleep(0.05)").execute()
                .map(rows -> {
                    Object id = MDC.get(RequestIdFilter.MDC_KEY);
                    LOG.info("request id probe answered");
                    return String.valueOf(id);
                });
    }
}
