package dev.dragon.core.orchestration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dragon.api.Generation;
import dev.dragon.api.Reward;
import dev.dragon.api.RewardKind;
import dev.dragon.core.dragon.RewardBinding;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/**
 * The orchestrator as the loop's reward directory: bindings with service id and revision, the change counter, waiters
 * woken by a bind and released (as interrupted) when the orchestrator stops.
 */
class ServiceOrchestratorDirectoryTest {

    /** A service reference with an id only (no bundle: listed as "?"); ranked like OSGi does (lower id wins at equal ranking). */
    @SuppressWarnings("unchecked")
    private static ServiceReference<Reward> reference(long serviceId) {
        return (ServiceReference<Reward>) Proxy.newProxyInstance(ServiceReference.class.getClassLoader(), new Class<?>[] {ServiceReference.class},
            (proxy, method, args) -> switch (method.getName()) {
                case "getProperty" -> Constants.SERVICE_ID.equals(args[0]) ? serviceId : null;
                case "getBundle" -> null;
                case "compareTo" -> Long.compare((Long) ((ServiceReference<?>) args[0]).getProperty(Constants.SERVICE_ID), serviceId);
                case "hashCode" -> Long.hashCode(serviceId);
                case "equals" -> proxy == args[0];
                case "toString" -> "ref#" + serviceId;
                default -> throw new UnsupportedOperationException(method.getName());
            });
    }

    private static Reward reward(String id) {
        return new Reward() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public RewardKind kind() {
                return RewardKind.INSTANCE;
            }

            @Override
            public double[] scoreEach(List<Generation> generations) {
                return new double[generations.size()];
            }
        };
    }

    @Test
    void bindingsCarryServiceAndRevisionAndEveryChangeMovesTheCounter() {
        ServiceOrchestrator o = new ServiceOrchestrator();
        assertTrue(o.find("r").isEmpty());
        long c0 = o.changes();
        Reward r = reward("r");
        ServiceReference<Reward> ref = reference(41);
        o.bindReward(r, ref);
        RewardBinding b = o.find("r").orElseThrow();
        assertSame(r, b.reward());
        assertEquals(41, b.serviceId());
        assertEquals(0, b.revision());
        assertEquals("? ? #41", b.label());
        assertEquals(c0 + 1, o.changes());

        o.updatedReward(r, ref); // reconfigured in place
        RewardBinding revised = o.find("r").orElseThrow();
        assertEquals(1, revised.revision());
        assertFalse(b.sameService(revised), "an in-place reconfiguration counts as a replacement");
        assertEquals(c0 + 2, o.changes());

        o.unbindReward(ref);
        assertTrue(o.find("r").isEmpty());
        assertEquals(c0 + 3, o.changes());
    }

    @Test
    void aWaiterWakesOnABindAndIsReleasedWhenTheOrchestratorStops() throws Exception {
        ServiceOrchestrator o = new ServiceOrchestrator();
        long seen = o.changes();
        assertFalse(o.awaitChange(seen, 1), "nothing changed: the wait times out");
        CompletableFuture<Boolean> woken = CompletableFuture.supplyAsync(() -> {
            try {
                return o.awaitChange(seen, 60_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        o.bindReward(reward("r"), reference(7));
        assertTrue(woken.get(60, TimeUnit.SECONDS));

        long now = o.changes();
        CompletableFuture<Throwable> released = CompletableFuture.supplyAsync(() -> {
            try {
                o.awaitChange(now, 60_000);
                return null;
            } catch (InterruptedException e) {
                return e;
            }
        });
        o.deactivate();
        Throwable t = released.get(60, TimeUnit.SECONDS);
        assertEquals("the orchestrator stopped", t.getMessage());
        assertThrows(InterruptedException.class, () -> o.awaitChange(now, 60_000));
    }
}
