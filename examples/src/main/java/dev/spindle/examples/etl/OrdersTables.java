package dev.spindle.examples.etl;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * The generated tables of the ETL example, in the spirit of TPC-H's ORDERS and LINEITEM. Every
 * order is a pure function of its key and the seed, so the tables come out the same whatever the
 * parallelism or the order in which keys are generated.
 *
 * <pre>
 * orders:   orderkey,custkey,orderstatus,totalprice,orderdate,orderpriority
 * lineitem: orderkey,linenumber,partkey,quantity,extendedprice,discount,shipdate,returnflag
 * </pre>
 * Prices have two decimals, discounts are 0.00 to 0.10, dates are ISO days from 1992-01-01 to 1998-08-02.
 */
public final class OrdersTables {

    public static final String[] PRIORITIES = {"1-URGENT", "2-HIGH", "3-MEDIUM", "4-NOT SPECIFIED", "5-LOW"};
    private static final LocalDate FIRST_DAY = LocalDate.of(1992, 1, 1);
    private static final int ORDER_DAYS = 2406 - 121;
    private static final String[] DAYS = new String[2406];

    static {
        for (int i = 0; i < DAYS.length; i++) {
            DAYS[i] = FIRST_DAY.plusDays(i).toString();
        }
    }

    private OrdersTables() {
    }

    /** One order with its line items, as CSV lines. */
    public record Order(String orderLine, String[] lineItemLines) {
    }

    public static Order order(long orderKey, long seed) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + orderKey);
        long custKey = 1 + random.nextLong(150_000);
        int orderDay = random.nextInt(ORDER_DAYS);
        String priority = PRIORITIES[random.nextInt(PRIORITIES.length)];
        int lines = 1 + random.nextInt(7);
        String[] items = new String[lines];
        long totalCents = 0;
        int shipped = 0;
        for (int line = 1; line <= lines; line++) {
            long partKey = 1 + random.nextLong(200_000);
            int quantity = 1 + random.nextInt(50);
            long priceCents = quantity * (90_000 + (partKey % 20_001) * 10) / 100;
            int discountPercent = random.nextInt(11);
            int shipDay = orderDay + 1 + random.nextInt(121);
            String returnFlag = shipDay > 1268 ? "N" : random.nextBoolean() ? "R" : "A";
            shipped += shipDay <= 2300 ? 1 : 0;
            totalCents += priceCents;
            items[line - 1] = orderKey + "," + line + "," + partKey + "," + quantity + "," + decimal(priceCents, 2)
                    + "," + decimal(discountPercent, 2) + "," + DAYS[shipDay] + "," + returnFlag;
        }
        String status = shipped == lines ? "F" : shipped == 0 ? "O" : "P";
        String order = orderKey + "," + custKey + "," + status + "," + decimal(totalCents, 2) + "," + DAYS[orderDay]
                + "," + priority;
        return new Order(order, items);
    }

    /** {@code value / 10^scale} written with exactly {@code scale} decimals (value not negative). */
    public static String decimal(long value, int scale) {
        long unit = scale == 2 ? 100 : scale == 4 ? 10_000 : (long) Math.pow(10, scale);
        String fraction = Long.toString(value % unit);
        return value / unit + "." + "0".repeat(scale - fraction.length()) + fraction;
    }
}
