package dev.pigeonhole.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** The classes of the package of each anchor class (and below it), from the jar or folder the anchor came from. */
final class ClassScan {

    private ClassScan() {
    }

    static List<Class<?>> classesOf(Class<?>... anchors) {
        Set<Class<?>> classes = new LinkedHashSet<>();
        for (Class<?> anchor : anchors) {
            String prefix = anchor.getPackageName().replace('.', '/') + "/";
            for (String name : classFiles(location(anchor), prefix)) {
                String className = name.substring(0, name.length() - ".class".length()).replace('/', '.');
                if (!className.contains("$")) {
                    try {
                        classes.add(Class.forName(className, false, anchor.getClassLoader()));
                    } catch (ClassNotFoundException | LinkageError e) {
                        throw new IllegalStateException("cannot load " + className + ": " + e, e);
                    }
                }
            }
        }
        return new ArrayList<>(classes);
    }

    private static Path location(Class<?> anchor) {
        try {
            return Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> classFiles(Path location, String prefix) {
        List<String> names = new ArrayList<>();
        try {
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location.resolve(prefix))) {
                    files.filter(file -> file.toString().endsWith(".class"))
                            .forEach(file -> names.add(location.relativize(file).toString().replace('\\', '/')));
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                        String name = entries.nextElement().getName();
                        if (name.startsWith(prefix) && name.endsWith(".class")) {
                            names.add(name);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
