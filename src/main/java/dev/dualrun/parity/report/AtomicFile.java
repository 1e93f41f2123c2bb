package dev.dualrun.parity.report;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file so that a reader never sees half of it: under a hidden temporary name in
 * the same directory, then renamed into place, readable by every user (a report served by
 * a web server, a textfile read by node_exporter under its own user). A writer killed
 * half-way leaves its temporary file; the next write of the same name removes it.
 */
public final class AtomicFile {

	private AtomicFile() {
	}

	/**
	 * @param target the file to write
	 * @param content its content
	 * @throws IOException if it cannot be written
	 */
	public static void write(Path target, byte[] content) throws IOException {
		Path tmp = temporary(target);
		try {
			Files.write(tmp, content);
			place(tmp, target);
		}
		finally {
			Files.deleteIfExists(tmp);
		}
	}

	/**
	 * @param target the file to be written
	 * @return a new hidden temporary file beside it (mode 0600 until placed)
	 * @throws IOException if it cannot be created
	 */
	public static Path temporary(Path target) throws IOException {
		Path dir = target.toAbsolutePath().getParent();
		Files.createDirectories(dir);
		return Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
	}

	/**
	 * Makes the temporary file readable by every user and renames it over the target.
	 * @param tmp the temporary file
	 * @param target the file it becomes
	 * @throws IOException if it cannot be moved
	 */
	public static void place(Path tmp, Path target) throws IOException {
		try {
			if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
				Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
			}
			Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(tmp);
		}
	}

	/**
	 * Removes the temporary files a killed writer left for names starting with a prefix.
	 * @param dir the directory
	 * @param prefix the start of the target names, e.g. {@code run-7.}
	 * @return how many were removed
	 * @throws IOException if the directory cannot be read
	 */
	public static int removeLeftovers(Path dir, String prefix) throws IOException {
		if (!Files.isDirectory(dir)) {
			return 0;
		}
		int removed = 0;
		try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir, "." + globEscaped(prefix) + "*.tmp")) {
			for (Path leftover : leftovers) {
				if (Files.deleteIfExists(leftover)) {
					removed++;
				}
			}
		}
		return removed;
	}

	private static String globEscaped(String text) {
		return text.replaceAll("([\\\\*?\\[\\]{}])", "\\\\$1");
	}

}
