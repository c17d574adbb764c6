package io.valence.orm.it.keys;

import java.util.Objects;

/** The key of an {@link OrderLine}: its order's number and its line number. */
public final class OrderLineKey {
    public long orderId;
    public int lineNo;

    OrderLineKey() {}

    public OrderLineKey(long orderId, int lineNo) {
        this.orderId = orderId;
        this.lineNo = lineNo;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OrderLineKey key && key.orderId == orderId && key.lineNo == lineNo;
    }

    @Override
    public int hashCode() {
        return Objects.hash(orderId, lineNo);
    }

    @Override
    public String toString() {
        return "(" + orderId + ", " + lineNo + ")";
    }
}
