package dev.spindle.runtime.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.runtime.config.Configuration;
import dev.spindle.runtime.config.IllegalConfigurationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryManagerTest {

    private static final int PAGE = 4096;

    @Test
    void shouldHandOutPagesUpToTheBudgetAndFailClearlyBeyondIt() throws Exception {
        MemoryManager manager = new MemoryManager(10 * PAGE, PAGE, 2);
        List<MemorySegment> first = manager.allocatePages("task-a", 6);
        assertEquals(6, first.size());
        assertEquals(PAGE, first.get(0).size());
        assertEquals(4, manager.availablePages());

        MemoryAllocationException e = assertThrows(MemoryAllocationException.class,
                () -> manager.allocatePages("task-b", 5));
        assertTrue(e.getMessage().contains("task-b") && e.getMessage().contains("4 of 10 pages")
                && e.getMessage().contains(MemoryOptions.MANAGED_SIZE.key()), e.getMessage());
        assertEquals(0, manager.pagesHeldBy("task-b"), "a failed request takes nothing");
        assertEquals(4, manager.availablePages());

        List<MemorySegment> second = manager.allocatePages("task-b", 4);
        assertEquals(0, manager.availablePages());
        manager.release(second.get(0));
        manager.release(second.get(0));
        assertEquals(1, manager.availablePages(), "releasing a page twice counts once");
        assertEquals(3, manager.pagesHeldBy("task-b"));
    }

    @Test
    void shouldReleaseEverythingAnOwnerHoldsWhenItsTaskEnds() throws Exception {
        MemoryManager manager = new MemoryManager(8 * PAGE, PAGE, 1);
        List<MemorySegment> a = manager.allocatePages("task-a", 3);
        manager.allocatePages("task-a", 2);
        manager.allocatePages("task-b", 1);
        assertEquals(5, manager.pagesHeldBy("task-a"));
        assertEquals(java.util.Set.of("task-a", "task-b"), manager.owners());

        assertEquals(5, manager.releaseAll("task-a"));
        assertEquals(0, manager.pagesHeldBy("task-a"));
        assertEquals(1, manager.allocatedPages());
        assertTrue(a.get(0).isFreed());
        assertThrows(IllegalStateException.class, () -> a.get(0).array(), "a released page must not be used");
        manager.release(a);
        assertEquals(1, manager.allocatedPages(), "pages freed by releaseAll are not released again");
        assertEquals(0, manager.releaseAll("task-a"));
    }

    @Test
    void shouldCountReservationsAgainstTheBudgetAndDropThemAtTaskEnd() throws Exception {
        MemoryManager manager = new MemoryManager(10 * PAGE, PAGE, 1);
        manager.reservePages("task-a", 6);
        manager.allocatePages("task-a", 2);
        assertEquals(2, manager.availablePages());
        assertEquals(2, manager.allocatedPages(), "a reservation hands out no memory");
        MemoryAllocationException e = assertThrows(MemoryAllocationException.class,
                () -> manager.allocatePages("task-b", 3));
        assertTrue(e.getMessage().contains("2 of 10 pages"), e.getMessage());
        manager.releaseReservedPages("task-a", 4);
        assertEquals(2, manager.pagesReservedBy("task-a"));
        assertThrows(IllegalArgumentException.class, () -> manager.releaseReservedPages("task-a", 3));
        assertEquals(4, manager.releaseAll("task-a"));
        assertEquals(10, manager.availablePages());
        assertEquals(java.util.Set.of(), manager.owners());
    }

    @Test
    void shouldReusePooledPagesUnderNewOwners() throws Exception {
        MemoryManager manager = new MemoryManager(2 * PAGE, PAGE, 1);
        MemorySegment page = manager.allocatePages("task-a", 1).get(0);
        byte[] array = page.array();
        manager.release(page);
        MemorySegment again = manager.allocatePages("task-b", 1).get(0);
        assertSame(array, again.array(), "the pool hands the array out again");
        assertEquals("task-b", again.owner());
        assertTrue(page.isFreed(), "the old handle stays released");
    }

    @Test
    void shouldSplitTheBudgetEvenlyAmongSlots() {
        MemoryManager manager = new MemoryManager(100L << 20, 32 << 10, 4);
        assertEquals(3200, manager.totalPages());
        assertEquals(800, manager.pagesPerSlot());
        assertEquals(32, manager.pagesFor(1 << 20));
    }

    @Test
    void shouldRefuseEverythingAfterShutdown() throws Exception {
        MemoryManager manager = new MemoryManager(4 * PAGE, PAGE, 1);
        MemorySegment page = manager.allocatePages("task-a", 1).get(0);
        manager.shutdown();
        assertTrue(page.isFreed());
        assertEquals(0, manager.allocatedPages());
        assertThrows(IllegalStateException.class, () -> manager.allocatePages("task-a", 1));
    }

    @Test
    void shouldRejectPagesOfAnotherManager() throws Exception {
        MemoryManager one = new MemoryManager(4 * PAGE, PAGE, 1);
        MemoryManager other = new MemoryManager(4 * PAGE, PAGE, 1);
        MemorySegment page = one.allocatePages("task-a", 1).get(0);
        assertThrows(IllegalArgumentException.class, () -> other.release(page));
    }

    @Test
    void shouldDeriveTheBudgetFromTheHeapUnlessASizeIsConfigured() {
        Configuration config = new Configuration();
        long heap = 720L << 20;
        long network = 72L << 20;
        assertEquals((heap - network) * 40 / 100, MemoryOptions.managedMemoryBytes(config, heap, network));
        config.setString(MemoryOptions.MANAGED_SIZE.key(), "256m");
        assertEquals(256L << 20, MemoryOptions.managedMemoryBytes(config, heap, network));

        MemoryManager manager = MemoryOptions.createMemoryManager(config, heap, network, 4);
        assertEquals(32 << 10, manager.pageSize());
        assertEquals((256 << 20) / (32 << 10) / 4, manager.pagesPerSlot());

        config.setString(MemoryOptions.PAGE_SIZE.key(), "33k");
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class,
                () -> MemoryOptions.pageSize(config));
        assertTrue(e.getMessage().contains(MemoryOptions.PAGE_SIZE.key()), e.getMessage());
        config.setString(MemoryOptions.MANAGED_SIZE.key(), "0").setString(MemoryOptions.MANAGED_HEAP_PERCENT.key(), "95");
        assertThrows(IllegalConfigurationException.class, () -> MemoryOptions.managedMemoryBytes(config, heap, network));
    }
}
