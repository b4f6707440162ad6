package com.example.it;

/** A PF4J extension point that is not one of FLOF's: the host would never ask for it. */
public interface OwnPoint extends org.pf4j.ExtensionPoint {
    String hello();
}
