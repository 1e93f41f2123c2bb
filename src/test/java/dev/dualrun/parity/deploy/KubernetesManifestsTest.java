package dev.dualrun.parity.deploy;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import picocli.CommandLine;

import dev.dualrun.parity.cli.ParityCli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Kubernetes manifests shipped in {@code src/deploy/kubernetes} are valid objects of
 * the Kubernetes API as its models say (the official Kubernetes Java client's, generated
 * from the API's OpenAPI schema: a misspelt field, a missing required one or a wrong type
 * is refused), and every container's arguments are a command line the tool takes.
 */
class KubernetesManifestsTest {

	private static final Path MANIFESTS = Path.of("src/deploy/kubernetes");

	@Test
	void everyShippedObjectIsValidForTheKubernetesApi() throws Exception {
		List<String> kinds = new ArrayList<>();
		for (JsonObject object : objects()) {
			validate(object);
			kinds.add(object.get("kind").getAsString());
		}
		assertThat(kinds).contains("CronJob", "Deployment");
	}

	@Test
	void aMisspeltFieldIsRefused() throws Exception {
		JsonObject cronJob = objects().stream()
			.filter((o) -> o.get("kind").getAsString().equals("CronJob"))
			.findFirst()
			.orElseThrow();
		JsonObject container = containers(cronJob).get(0);
		container.add("imagee", container.remove("image"));
		assertThatThrownBy(() -> validate(cronJob)).hasMessageContaining("imagee");
	}

	@Test
	void everyContainerRunsACommandTheToolTakes() throws Exception {
		int containers = 0;
		for (JsonObject object : objects()) {
			for (JsonObject container : containers(object)) {
				List<String> args = new ArrayList<>();
				container.getAsJsonArray("args").forEach((a) -> args.add(a.getAsString()));
				CommandLine.ParseResult parsed = ParityCli.commandLine().parseArgs(args.toArray(String[]::new));
				assertThat(parsed.subcommand()).as(String.join(" ", args)).isNotNull();
				containers++;
			}
		}
		assertThat(containers).isEqualTo(2);
	}

	@Test
	void onlyARunThatDidNotHappenFailsTheJobAndBadUsageIsNotRetried() throws Exception {
		JsonObject cronJob = objects().stream()
			.filter((o) -> o.get("kind").getAsString().equals("CronJob"))
			.findFirst()
			.orElseThrow();
		JsonObject rule = cronJob.getAsJsonObject("spec")
			.getAsJsonObject("jobTemplate")
			.getAsJsonObject("spec")
			.getAsJsonObject("podFailurePolicy")
			.getAsJsonArray("rules")
			.get(0)
			.getAsJsonObject();
		assertThat(rule.get("action").getAsString()).isEqualTo("FailJob");
		assertThat(rule.getAsJsonObject("onExitCodes").getAsJsonArray("values").toString()).isEqualTo("[2]");
		// a run whose pairs do not all pass is a run that happened: exit 0, no failed Job
		assertThat(containers(cronJob).get(0).getAsJsonArray("args").toString()).contains("\"--exit-zero\"");
	}

	private static void validate(JsonObject object) throws Exception {
		String kind = object.get("kind").getAsString();
		Class<?> model = Class.forName("io.kubernetes.client.openapi.models.V1" + kind);
		try {
			model.getMethod("validateJsonElement", JsonElement.class).invoke(null, object);
		}
		catch (InvocationTargetException ex) {
			throw new AssertionError(
					kind + " " + object.getAsJsonObject("metadata").get("name") + ": " + ex.getCause().getMessage(),
					ex.getCause());
		}
	}

	private static List<JsonObject> containers(JsonObject object) {
		JsonObject spec = object.getAsJsonObject("spec");
		if (spec == null) {
			return List.of();
		}
		JsonObject template = object.get("kind").getAsString().equals("CronJob")
				? spec.getAsJsonObject("jobTemplate").getAsJsonObject("spec").getAsJsonObject("template")
				: spec.getAsJsonObject("template");
		if (template == null) {
			return List.of();
		}
		List<JsonObject> containers = new ArrayList<>();
		template.getAsJsonObject("spec")
			.getAsJsonArray("containers")
			.forEach((c) -> containers.add(c.getAsJsonObject()));
		return containers;
	}

	private static List<JsonObject> objects() throws IOException {
		List<JsonObject> objects = new ArrayList<>();
		Gson gson = new Gson();
		try (Stream<Path> files = Files.list(MANIFESTS)) {
			for (Path file : files.sorted().toList()) {
				for (Object document : new Load(LoadSettings.builder().build())
					.loadAllFromString(Files.readString(file))) {
					if (document instanceof Map<?, ?>) {
						objects.add(gson.toJsonTree(document).getAsJsonObject());
					}
				}
			}
		}
		return objects;
	}

}
