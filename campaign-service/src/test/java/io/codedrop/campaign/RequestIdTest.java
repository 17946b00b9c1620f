package io.codedrop.campaign;

import io.codedrop.support.observability.RequestIdFilter;
import io.quarkus.test.junit.QuarkusTest;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** X-Request-Id: kept or generated, echoed, and in the MDC of the request's log lines after a reactive hop. */
@QuarkusTest
class RequestIdTest {
    private final List<String> loggedIds = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record instanceof ExtLogRecord ext && "request id probe answered".equals(ext.getMessage())) {
                loggedIds.add(ext.getMdc(RequestIdFilter.MDC_KEY));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureProbeLogs() {
        Logger.getLogger(RequestIdProbeResource.class.getName()).addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger(RequestIdProbeResource.class.getName()).removeHandler(capture);
    }

    @Test
    void theCallersRequestIdIsEchoedAndCarriedByTheRequestsLogLines() {
        given().header("X-Request-Id", "gateway-7f3a")
                .when().get("/test/request-id")
                .then().statusCode(200)
                .header("X-Request-Id", "gateway-7f3a")
                .body(equalTo("gateway-7f3a"));
        assertEquals(List.of("gateway-7f3a"), loggedIds);
    }

    @Test
    void aRequestWithoutAnIdGetsAFreshOneEvenOnAnError() {
        String first = given().when().get("/api/v1/campaigns")
                .then().statusCode(401)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .extract().header("X-Request-Id");
        String second = given().when().get("/api/v1/campaigns")
                .then().statusCode(401)
                .extract().header("X-Request-Id");
        assertNotEquals(first, second);
    }

    @Test
    void anUnsafeRequestIdIsReplaced() {
        String unsafe = "x\" forged=\"1";
        String answered = given().header("X-Request-Id", unsafe)
                .when().get("/test/request-id")
                .then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .extract().header("X-Request-Id");
        assertEquals(List.of(answered), loggedIds);
    }
}
