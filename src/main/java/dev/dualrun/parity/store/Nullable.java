package dev.dualrun.parity.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A row's component that no column of its table holds, filled after the row is read:
 * Jdbi's constructor mapper passes null for it (it honours any annotation of this name).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@interface Nullable {

}
