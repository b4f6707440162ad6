package com.example.it;

@org.pf4j.Extension
public class Foreign implements OwnPoint {
    public String hello() { return "hi"; }
}
