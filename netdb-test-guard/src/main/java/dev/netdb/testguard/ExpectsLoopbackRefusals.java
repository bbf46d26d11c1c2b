package dev.netdb.testguard;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test (or a test class) that provokes the loopback guard's refusals on purpose, so that
 * {@link LoopbackGuard} lets them pass; the test must then assert the refusal itself.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ExpectsLoopbackRefusals {}
