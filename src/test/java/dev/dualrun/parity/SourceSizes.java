package dev.dualrun.parity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;

/**
 * The lengths of the main code's methods, as the JDK's own parser sees them (from the
 * first modifier to the closing brace; comments before a method do not count), and of its
 * files.
 */
final class SourceSizes {

	private SourceSizes() {
	}

	/**
	 * @param root a source tree
	 * @param limit the most lines a method may have
	 * @return {@code file:line Name.method (N lines)} of each longer method
	 */
	static List<String> methodsLongerThan(Path root, int limit) throws IOException {
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		List<String> found = new ArrayList<>();
		try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, null)) {
			JavacTask task = (JavacTask) compiler.getTask(null, files, (d) -> {
			}, List.of("-proc:none"), null, files.getJavaFileObjectsFromPaths(javaFiles(root)));
			SourcePositions positions = Trees.instance(task).getSourcePositions();
			for (CompilationUnitTree unit : task.parse()) {
				LineMap lines = unit.getLineMap();
				String file = root.toAbsolutePath().relativize(Path.of(unit.getSourceFile().toUri())).toString();
				new TreePathScanner<Void, Void>() {
					@Override
					public Void visitMethod(MethodTree method, Void unused) {
						if (method.getBody() != null) {
							long first = lines.getLineNumber(positions.getStartPosition(unit, method));
							long last = lines.getLineNumber(positions.getEndPosition(unit, method));
							if (last - first + 1 > limit) {
								found.add(file + ":" + first + " " + method.getName() + " (" + (last - first + 1)
										+ " lines)");
							}
						}
						return super.visitMethod(method, unused);
					}
				}.scan(unit, null);
			}
		}
		return found;
	}

	/**
	 * @param root a source tree
	 * @param limit the most lines a file may have
	 * @param except a package directory the limit does not apply to, e.g. {@code demo}
	 * @return {@code file (N lines)} of each longer file
	 */
	static List<String> filesLongerThan(Path root, int limit, String except) throws IOException {
		List<String> found = new ArrayList<>();
		for (Path file : javaFiles(root)) {
			String where = root.relativize(file).toString().replace('\\', '/');
			long lines;
			try (Stream<String> all = Files.lines(file)) {
				lines = all.count();
			}
			if (!where.startsWith(except + "/") && lines > limit) {
				found.add(where + " (" + lines + " lines)");
			}
		}
		return found;
	}

	private static List<Path> javaFiles(Path root) throws IOException {
		try (Stream<Path> all = Files.walk(root)) {
			return all.filter((f) -> f.toString().endsWith(".java")).sorted().toList();
		}
	}

}
