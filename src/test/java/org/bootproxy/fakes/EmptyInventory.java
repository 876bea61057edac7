package org.bootproxy.fakes;

/** Knows no host at all. */
public final class EmptyInventory extends FixedInventory {
    public EmptyInventory() {
        super();
    }

    @Override
    public String describe() {
        return "empty";
    }
}
