package dev.dragon.vendi;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.Map;

/** Builds a DS configuration annotation instance for plain unit tests: given values, else the declared defaults. */
public final class Configs {

    private Configs() {
    }

    /**
     * @param type   the configuration annotation type
     * @param values attribute method names to values
     * @param <A>    the type
     * @return an instance answering from the map, then from the defaults
     */
    public static <A extends Annotation> A of(Class<A> type, Map<String, Object> values) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (method.getName().equals("annotationType")) return type;
            if (values.containsKey(method.getName())) return values.get(method.getName());
            Object fallback = method.getDefaultValue();
            if (fallback == null) throw new IllegalArgumentException("no value and no default for " + method.getName());
            return fallback;
        });
        return type.cast(proxy);
    }
}
