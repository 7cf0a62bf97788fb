package dev.spindle.runtime.shuffle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.runtime.shuffle.buffer.Buffer;
import dev.spindle.runtime.shuffle.buffer.LocalBufferPool;
import dev.spindle.runtime.shuffle.buffer.NetworkBufferPool;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LocalBufferPoolTest {

    @Test
    void shouldNeverHandOutMoreThanItsMaximum() throws Exception {
        NetworkBufferPool global = new NetworkBufferPool(10, 1024);
        LocalBufferPool pool = global.createLocalPool(3);
        Buffer a = pool.requestBuffer();
        Buffer b = pool.requestBuffer();
        Buffer c = pool.requestBuffer();
        assertNotNull(a);
        assertNotNull(c);
        assertNull(pool.requestBuffer(), "a fourth buffer must not be handed out");
        assertEquals(7, global.availableSegments());
        b.recycle();
        assertNotNull(pool.requestBuffer(), "a recycled buffer is available again");
    }

    @Test
    void shouldBlockARequesterUntilABufferIsRecycled() throws Exception {
        NetworkBufferPool global = new NetworkBufferPool(4, 1024);
        LocalBufferPool pool = global.createLocalPool(1);
        Buffer only = pool.requestBufferBlocking();
        CompletableFuture<Buffer> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return pool.requestBufferBlocking();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        Thread.sleep(200);
        assertTrue(!waiting.isDone(), "the requester must wait while the only buffer is in use (backpressure)");
        only.recycle();
        assertNotNull(waiting.get(5, TimeUnit.SECONDS));
    }

    @Test
    void shouldBeLimitedByTheGlobalBudget() throws Exception {
        NetworkBufferPool global = new NetworkBufferPool(2, 1024);
        LocalBufferPool first = global.createLocalPool(10);
        LocalBufferPool second = global.createLocalPool(10);
        assertNotNull(first.requestBuffer());
        assertNotNull(first.requestBuffer());
        assertNull(second.requestBuffer(), "the TaskManager's shuffle memory is exhausted");
    }

    @Test
    void shouldReturnSegmentsToTheGlobalPoolWhenDestroyed() throws Exception {
        NetworkBufferPool global = new NetworkBufferPool(4, 1024);
        LocalBufferPool pool = global.createLocalPool(4);
        Buffer inFlight = pool.requestBuffer();
        pool.requestBuffer().recycle();
        pool.destroy();
        assertEquals(3, global.availableSegments(), "idle segments go back at once");
        inFlight.recycle();
        assertEquals(4, global.availableSegments(), "in-flight segments go back when recycled");
        assertThrows(IOException.class, pool::requestBuffer);
    }

    @Test
    void shouldRejectRecyclingTwice() throws Exception {
        NetworkBufferPool global = new NetworkBufferPool(1, 1024);
        Buffer b = global.createLocalPool(1).requestBuffer();
        b.recycle();
        assertThrows(IllegalStateException.class, b::recycle);
    }
}
