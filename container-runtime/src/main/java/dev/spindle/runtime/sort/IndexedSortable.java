package dev.spindle.runtime.sort;

/**
 * What {@link QuickSort} sorts: entries addressed by index that can be compared and swapped, and one
 * pivot entry kept aside (so the sort can compare many entries against it while entries move, and
 * the sortable can cache whatever it decoded for the pivot).
 */
interface IndexedSortable {

    int size();

    int compare(int i, int j);

    void swap(int i, int j);

    /** Remembers entry {@code i} as the pivot. */
    void setPivot(int i);

    /** Compares entry {@code i} with the pivot. */
    int compareToPivot(int i);
}
