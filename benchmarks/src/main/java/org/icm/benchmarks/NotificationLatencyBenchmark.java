package org.icm.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.icm.infrastructure.EmbeddedInfrastructure;
import org.icm.infrastructure.InfrastructureSettings;
import org.icm.infrastructure.Ports;
import org.icm.kernel.events.IntegrationEvent;
import org.icm.kernel.events.IntegrationEventCodec;
import org.icm.kernel.events.IntegrationEventType;
import org.icm.kernel.events.membership.AccountActivated;
import org.icm.kernel.events.membership.MembershipIntegrationEvents;
import org.icm.kernel.events.membership.OrganisationAdmitted;
import org.icm.kernel.identity.AccountId;
import org.icm.kernel.identity.OrganisationId;
import org.icm.kernel.identity.Role;
import org.icm.kernel.vocabulary.ProcedureStage;
import org.icm.policy.PolicyApplication;
import org.icm.testing.LineSubscriber;
import org.icm.testing.TestTokens;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * End to end, from a command accepted by policy-service to the notification visible to a member: commands (procedure
 * steps) at a steady rate, each turned by policy-service into a MeasureStageChanged on Kafka, consumed by
 * notification-service, written to the member's feed and pushed on the member's Server-Sent-Events stream, where this
 * program reads it. The latency of a command is from the moment its request is sent to the moment its notification
 * arrives on the stream (so it includes the command itself). Prints p50, p99 and max.
 *
 * <p>policy-service runs in this JVM; notification-service runs as its own process (its runnable jar, built beforehand),
 * because the two services' configurations cannot share one class path. Options: {@code --rate=50} commands per second,
 * {@code --seconds=60} measured, {@code --warmup-seconds=10}, {@code --notification-jar=PATH}.
 */
public final class NotificationLatencyBenchmark {

    private static final List<ProcedureStage> STAGES = Arrays.stream(ProcedureStage.values()).filter(s -> !s.isExit()).toList();
    private static final Pattern EXPLANATION = Pattern.compile("\"explanation\":\"Latency measure (\\d+) moved from \\S+ to (\\S+) on ");
    private static final Pattern OCCURRED_AT = Pattern.compile("\"occurredAt\":\"([^\"]+)\"");
    private static final LocalDate FIRST_DATE = LocalDate.of(2010, 1, 4);

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                System.err.println("options: --rate=50 --seconds=60 --warmup-seconds=60 --notification-jar=notification-service/target/notification-service-exec.jar"
                        + " --policy:<spring.property>=<value> --notification:<spring.property>=<value>");
                System.exit(2);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        int rate = Integer.parseInt(options.getOrDefault("rate", "50"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
        // a minute at the measured rate first: after 10 s both services' C2 compilers were still the largest users of CPU
        // (JFR), and what they cost while compiling is not what a running platform costs
        int warmupSeconds = Integer.parseInt(options.getOrDefault("warmup-seconds", "60"));
        Path jar = Path.of(options.getOrDefault("notification-jar", "notification-service/target/notification-service-exec.jar"));
        if (!Files.isRegularFile(jar)) {
            System.err.println("notification-service's runnable jar is missing at " + jar.toAbsolutePath()
                    + "; build it first: ./mvnw -q -pl notification-service -am -DskipTests package");
            System.exit(2);
        }
        // --policy:<spring.property>=v and --notification:<spring.property>=v go to that service, to try a setting
        Map<String, String> policyProperties = new LinkedHashMap<>();
        Map<String, String> notificationProperties = new LinkedHashMap<>();
        options.forEach((name, value) -> {
            if (name.startsWith("policy:")) {
                policyProperties.put(name.substring("policy:".length()), value);
            } else if (name.startsWith("notification:")) {
                notificationProperties.put(name.substring("notification:".length()), value);
            }
        });
        int code;
        try {
            code = new NotificationLatencyBenchmark().run(rate, seconds, warmupSeconds, jar, policyProperties, notificationProperties);
        } catch (Exception e) {
            e.printStackTrace();
            code = 1;
        }
        System.exit(code);
    }

    private int run(int rate, int seconds, int warmupSeconds, Path jar, Map<String, String> policyProperties,
                    Map<String, String> notificationProperties) throws Exception {
        int warmup = rate * warmupSeconds;
        int measured = rate * seconds;
        int total = warmup + measured;
        // each measure takes one step per round (the stages in order), rounds far apart in time: no two commands on one
        // dossier at once, and every step changes the stage (a notification for each)
        int rounds = STAGES.size() - 1;
        int measures = (total + rounds - 1) / rounds;
        say("notification latency benchmark: %d commands/s, %d s measured after %d s warm-up (%d commands over %d measures)",
                rate, seconds, warmupSeconds, total, measures);

        Path data = Files.createTempDirectory("icm-notification-benchmark-");
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.start(
                new InfrastructureSettings(data, true, 0, 0, 0, 0, 0, List.of("policy", InfrastructureSettings.KEY_STORE_DATABASE)));
        TestTokens tokens = TestTokens.get();
        ConfigurableApplicationContext policy = null;
        ServiceJvm notification = null;
        try {
            policy = startPolicy(infrastructure, tokens, policyProperties);
            String policyBase = "http://127.0.0.1:" + policy.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            int notificationPort = Ports.free();
            notification = startNotification(jar, infrastructure, tokens, notificationPort, data.resolve("notification-service.log"),
                    notificationProperties);
            if (!policyProperties.isEmpty() || !notificationProperties.isEmpty()) {
                say("policy-service with %s, notification-service with %s", policyProperties, notificationProperties);
            }
            String notificationBase = notification.baseUrl();
            notification.awaitHealthy(Duration.ofSeconds(120));
            say("policy-service at %s (in this JVM), notification-service at %s (pid %d)", policyBase, notificationBase, notification.pid());

            // a member, announced on the membership topic as membership-service would
            AccountId member = AccountId.random();
            OrganisationId organisation = OrganisationId.random();
            publishMember(infrastructure, member, organisation);
            String memberToken = tokens.mint(member, organisation, Role.PARTICIPANT);

            PolicyApiClient setUp = new PolicyApiClient(policyBase, tokens.mint(AccountId.random(), OrganisationId.random(), Role.FOCAL_POINT));
            PolicyApiClient.Target[] targets = new PolicyApiClient.Target[measures];
            for (int m = 0; m < measures; m++) {
                targets[m] = openDossierWithMeasure(setUp, policyBase, m);
            }
            say("opened %d dossiers with one measure each", measures);

            // the member's live stream: arrival time per (measure, stage)
            Map<String, Long> arrived = new ConcurrentHashMap<>();
            AtomicInteger duplicates = new AtomicInteger();
            // the part after the event was stored by policy-service (its CloudEvents time, same machine clock): outbox
            // publisher, Kafka, notification-service
            Histogram afterStored = new Histogram(3_600_000L, 3);
            HttpClient sse = HttpClient.newHttpClient();
            // the stream's first line (a comment) says it is open: commands sent before would notify nobody live
            java.util.concurrent.CountDownLatch streamOpen = new java.util.concurrent.CountDownLatch(1);
            var stream = sse.sendAsync(HttpRequest.newBuilder(URI.create(notificationBase + "/feed/stream"))
                    .header("Authorization", "Bearer " + memberToken).header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.fromLineSubscriber(new LineSubscriber(line -> {
                        long now = System.nanoTime();
                        streamOpen.countDown();
                        Matcher matcher = EXPLANATION.matcher(line);
                        if (line.startsWith("data:") && matcher.find()) {
                            if (arrived.putIfAbsent(matcher.group(1) + ":" + matcher.group(2), now) != null) {
                                duplicates.incrementAndGet();
                            }
                            Matcher occurred = OCCURRED_AT.matcher(line);
                            if (occurred.find()) {
                                long millis = System.currentTimeMillis() - Instant.parse(occurred.group(1)).toEpochMilli();
                                synchronized (afterStored) {
                                    afterStored.recordValue(Math.max(0, Math.min(millis, 3_600_000L)));
                                }
                            }
                        }
                    })));

            if (!streamOpen.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the member's live stream did not open within 30 s");
            }

            // a reader of the policy topic of its own: when each event was on Kafka, to tell the publisher from the consumer
            Map<String, Long> onKafka = new ConcurrentHashMap<>();
            java.util.concurrent.atomic.AtomicBoolean reading = new java.util.concurrent.atomic.AtomicBoolean(true);
            Thread kafkaReader = Thread.ofPlatform().name("policy-topic-reader").start(() -> readPolicyTopic(
                    infrastructure.kafkaBootstrapServers(), onKafka, reading));

            // steady rate: one command every 1/rate s, each on a worker so a slow one does not shift the schedule
            long[] sentAt = new long[total];
            String[] keys = new String[total];
            long[] commandNanos = new long[total];
            AtomicInteger failures = new AtomicInteger();
            AtomicReference<String> firstFailure = new AtomicReference<>();
            PolicyApiClient client = new PolicyApiClient(policyBase, tokens.mint(AccountId.random(), OrganisationId.random(), Role.FOCAL_POINT));
            ExecutorService workers = Executors.newFixedThreadPool(16);
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
            AtomicInteger next = new AtomicInteger();
            long periodNanos = 1_000_000_000L / rate;
            var ticks = ticker.scheduleAtFixedRate(() -> {
                int i = next.getAndIncrement();
                if (i >= total) {
                    return;
                }
                int m = i % measures;
                int round = i / measures;
                ProcedureStage stage = STAGES.get(round + 1);
                keys[i] = m + ":" + stage;
                workers.execute(() -> {
                    long start = System.nanoTime();
                    sentAt[i] = start;
                    try {
                        client.recordStep(targets[m], stage, FIRST_DATE.plusDays(30L * round));
                        commandNanos[i] = System.nanoTime() - start;
                    } catch (Exception | Error e) {
                        failures.incrementAndGet();
                        firstFailure.compareAndSet(null, e.toString());
                    }
                });
            }, 0, periodNanos, TimeUnit.NANOSECONDS);
            MongoCommands mongoBefore = MongoCommands.read(notificationBase, memberToken);
            ListenerTimer listenerBefore = ListenerTimer.read(notificationBase, memberToken);
            long notificationCpuBefore = notification.cpuNanos();
            say("sending %d commands ...", total);
            while (next.get() < total) {
                Thread.sleep(200);
            }
            ticks.cancel(false);
            ticker.shutdown();
            workers.shutdown();
            workers.awaitTermination(60, TimeUnit.SECONDS);
            long waitUntil = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (arrived.size() < total - failures.get() && System.nanoTime() < waitUntil) {
                Thread.sleep(100);
            }
            Thread.sleep(1000);
            MongoCommands mongoAfter = MongoCommands.read(notificationBase, memberToken);
            ListenerTimer listener = ListenerTimer.read(notificationBase, memberToken).minus(listenerBefore);
            long notificationCpu = notification.cpuNanos() - notificationCpuBefore;
            stream.cancel(true);
            reading.set(false);
            kafkaReader.join(10_000);

            Histogram endToEnd = new Histogram(3_600_000_000_000L, 3);
            Histogram command = new Histogram(3_600_000_000_000L, 3);
            Histogram toKafka = new Histogram(3_600_000_000_000L, 3);
            Histogram kafkaToFeed = new Histogram(3_600_000_000_000L, 3);
            Histogram acceptedToKafka = new Histogram(3_600_000_000_000L, 3);
            Histogram acceptedToFeed = new Histogram(3_600_000_000_000L, 3);
            int missing = 0;
            for (int i = warmup; i < total; i++) {
                Long at = arrived.get(keys[i]);
                Long kafkaAt = onKafka.get(keys[i]);
                if (kafkaAt != null) {
                    toKafka.recordValue(Math.max(0, kafkaAt - sentAt[i]));
                    if (commandNanos[i] > 0) {
                        acceptedToKafka.recordValue(Math.max(0, kafkaAt - sentAt[i] - commandNanos[i]));
                    }
                    if (at != null) {
                        kafkaToFeed.recordValue(Math.max(0, at - kafkaAt));
                    }
                }
                if (commandNanos[i] > 0) {
                    command.recordValue(commandNanos[i]);
                }
                if (at == null) {
                    missing++;
                } else {
                    endToEnd.recordValue(Math.max(0, at - sentAt[i]));
                    if (commandNanos[i] > 0) {
                        acceptedToFeed.recordValue(Math.max(0, at - sentAt[i] - commandNanos[i]));
                    }
                }
            }
            System.out.println();
            System.out.printf("commands measured          %d at %d/s over %d s (after %d warm-up), %d failed%n", measured, rate, seconds, warmup,
                    failures.get());
            System.out.printf("command (HTTP) latency     p50 %s  p99 %s  max %s%n", ms(command.getValueAtPercentile(50)),
                    ms(command.getValueAtPercentile(99)), ms(command.getMaxValue()));
            System.out.printf("command -> feed (SSE)      p50 %s  p99 %s  max %s   (%d notifications)%n", ms(endToEnd.getValueAtPercentile(50)),
                    ms(endToEnd.getValueAtPercentile(99)), ms(endToEnd.getMaxValue()), endToEnd.getTotalCount());
            System.out.printf("  accepted -> feed (SSE)   p50 %s  p99 %s  max %s   (after the command's HTTP answer)%n",
                    ms(acceptedToFeed.getValueAtPercentile(50)), ms(acceptedToFeed.getValueAtPercentile(99)), ms(acceptedToFeed.getMaxValue()));
            System.out.printf("  of which after stored    p50 %d ms  p99 %d ms  max %d ms   (event time in policy-service -> SSE, all commands)%n",
                    afterStored.getValueAtPercentile(50), afterStored.getValueAtPercentile(99), afterStored.getMaxValue());
            System.out.printf("  command -> on Kafka       p50 %s  p99 %s  max %s   (read by a consumer of its own)%n",
                    ms(toKafka.getValueAtPercentile(50)), ms(toKafka.getValueAtPercentile(99)), ms(toKafka.getMaxValue()));
            System.out.printf("    accepted -> on Kafka    p50 %s  p99 %s  max %s   (after the HTTP answer: policy-service's outbox publisher)%n",
                    ms(acceptedToKafka.getValueAtPercentile(50)), ms(acceptedToKafka.getValueAtPercentile(99)), ms(acceptedToKafka.getMaxValue()));
            System.out.printf("  on Kafka -> feed (SSE)   p50 %s  p99 %s  max %s   (notification-service)%n",
                    ms(kafkaToFeed.getValueAtPercentile(50)), ms(kafkaToFeed.getValueAtPercentile(99)), ms(kafkaToFeed.getMaxValue()));
            // every command (warm-up included) is one MeasureStageChanged handled by notification-service meanwhile
            int handled = arrived.size();
            System.out.printf("notification-service       %.1f MongoDB commands per event (%s), %.2f ms CPU per event, over %d events%n",
                    (mongoAfter.total() - mongoBefore.total()) / (double) Math.max(1, handled), mongoAfter.minus(mongoBefore).perEvent(handled),
                    notificationCpu / 1e6 / Math.max(1, handled), handled);
            System.out.printf("notification-service       %d listener calls (batches) meanwhile, %.1f events each, %.1f ms each on average, max %.1f ms (Spring Kafka's listener timer)%n",
                    listener.count(), handled / (double) Math.max(1, listener.count()), listener.meanMillis(), listener.maxMillis());
            System.out.printf("not arrived                %d within 60 s after the last command; duplicates on the stream %d%n", missing, duplicates.get());
            System.out.printf("goal p99 <= 100 ms         %s%n", missing == 0 && endToEnd.getValueAtPercentile(99) <= 100_000_000L ? "met" : "NOT met");
            System.out.printf("load average               %.2f (2 cores shared with the other builds of this machine)%n",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            if (firstFailure.get() != null) {
                System.out.println("first failed command: " + firstFailure.get());
            }
            if (missing > 0) {
                // which hop lost sight of them: not on Kafka (publisher), in the feed but not pushed, or not in the feed
                List<String> notArrived = new ArrayList<>();
                for (int i = warmup; i < total && notArrived.size() < 10; i++) {
                    if (!arrived.containsKey(keys[i])) {
                        notArrived.add(keys[i] + (onKafka.containsKey(keys[i]) ? " (on Kafka)" : " (NOT on Kafka)"));
                    }
                }
                System.out.printf("not arrived, first ones     %s; the member's feed holds %s notifications (%d commands in all)%n",
                        notArrived, feedTotal(notificationBase, memberToken), total);
                Path kept = Path.of("notification-latency-" + System.currentTimeMillis() + ".log");
                Files.copy(data.resolve("notification-service.log"), kept);
                System.out.println("notification-service's log kept at " + kept.toAbsolutePath());
            }
            return failures.get() > 0 || missing > 0 ? 1 : 0;
        } finally {
            if (notification != null) {
                notification.close();
            }
            if (policy != null) {
                policy.close();
            }
            infrastructure.close();
            try (var files = Files.walk(data)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** The member's feed's total, as its first page says ({@code "total":n}), or "?" when it cannot be read. */
    private static String feedTotal(String base, String token) {
        try {
            String page = MongoCommands.get(HttpClient.newHttpClient(), base + "/feed?size=1", token);
            Matcher total = Pattern.compile("\"total\":(\\d+)").matcher(page);
            return total.find() ? total.group(1) : "? (" + page.substring(0, Math.min(200, page.length())) + ")";
        } catch (Exception e) {
            return "? (" + e + ")";
        }
    }

    private static PolicyApiClient.Target openDossierWithMeasure(PolicyApiClient client, String base, int number) throws Exception {
        // the measure titles name the measure number, which the explanation of its notifications repeats
        return client.openDossierWithMeasure(number, "Latency measure " + number);
    }

    /** Notes when each MeasureStageChanged of a latency measure can be read from the policy topic. */
    private static void readPolicyTopic(String bootstrapServers, Map<String, Long> onKafka, java.util.concurrent.atomic.AtomicBoolean reading) {
        IntegrationEventCodec codec = new IntegrationEventCodec(URI.create("/icm/benchmark"),
                org.icm.kernel.events.policy.PolicyIntegrationEvents.ALL);
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]>(Map.of(
                org.apache.kafka.clients.consumer.ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_ID_CONFIG, "latency-benchmark-" + UUID.randomUUID(),
                org.apache.kafka.clients.consumer.ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            consumer.subscribe(List.of(org.icm.kernel.events.Topic.POLICY.topicName()));
            while (reading.get()) {
                for (var record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    codec.payload(codec.decode(record.value())).ifPresent(event -> {
                        if (event instanceof org.icm.kernel.events.policy.MeasureStageChanged m && m.measureTitle().startsWith("Latency measure ")) {
                            onKafka.putIfAbsent(m.measureTitle().substring("Latency measure ".length()) + ":" + m.newStage(), now);
                        }
                    });
                }
            }
        }
    }

    private static ConfigurableApplicationContext startPolicy(EmbeddedInfrastructure infrastructure, TestTokens tokens,
                                                              Map<String, String> extra) {
        Map<String, String> properties = new LinkedHashMap<>(infrastructure.springProperties());
        properties.put("server.port", "0");
        properties.put("server.address", "127.0.0.1");
        properties.put("icm.security.issuer", TestTokens.ISSUER);
        properties.put("icm.security.jwk-set-uri", tokens.jwkSetUri());
        properties.put("logging.level.root", "WARN");
        properties.put("springdoc.api-docs.enabled", "false");
        properties.putAll(extra);
        SpringApplication application = new SpringApplication(PolicyApplication.class);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        return application.run(properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new));
    }

    private static ServiceJvm startNotification(Path jar, EmbeddedInfrastructure infrastructure, TestTokens tokens, int port, Path log,
                                                Map<String, String> extra) throws IOException {
        Map<String, String> properties = ServiceJvm.platformProperties(infrastructure, tokens, port);
        // the MongoDB commands it sends (Micrometer's driver listener), read before and after the commands
        properties.put("management.endpoints.web.exposure.include", "health,info,metrics");
        properties.putAll(extra);
        return ServiceJvm.startJar("notification-service", jar, List.of("-Xmx512m", "-XX:+UseSerialGC", "--sun-misc-unsafe-memory-access=allow"),
                properties, log);
    }

    /** The member, published as membership-service does: their address and name sealed with their key in the key store. */
    private static void publishMember(org.icm.infrastructure.Infrastructure infrastructure, AccountId account, OrganisationId organisation)
            throws Exception {
        try (var keys = org.icm.service.privacy.PostgresPersonalDataKeys.connect(
                org.icm.service.privacy.PersonalDataProperties.of(infrastructure.springProperties()));
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                     infrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            IntegrationEventCodec codec = new IntegrationEventCodec(URI.create("/icm/benchmark"), List.of(), keys);
            send(producer, codec, MembershipIntegrationEvents.ORGANISATION_ADMITTED, new OrganisationAdmitted(organisation.toString(), "Benchmark org"));
            send(producer, codec, MembershipIntegrationEvents.ACCOUNT_ACTIVATED, new AccountActivated(organisation.toString(), "Benchmark org",
                    account.toString(), "bench-" + account + "@icm.localhost", "Benchmark member", List.of(Role.PARTICIPANT), "en"));
        }
        // the directory must know the member before its first notification; membership events have their own topic
        Thread.sleep(3000);
    }

    private static <E extends IntegrationEvent> void send(KafkaProducer<String, byte[]> producer, IntegrationEventCodec codec,
                                                          IntegrationEventType<E> type, E event) throws Exception {
        producer.send(new ProducerRecord<>(type.topic().topicName(), event.subject(),
                codec.encode(codec.envelope(type, event, UUID.randomUUID().toString(), Instant.now())))).get(30, TimeUnit.SECONDS);
    }

    /**
     * The MongoDB commands notification-service's driver has sent so far, by command name, from its
     * {@code mongodb.driver.commands} timer (actuator metrics). Includes its pollers (outbox, digests, reminders): about one
     * command a second while idle.
     */
    record MongoCommands(Map<String, Long> byCommand) {

        private static final Pattern COUNT = Pattern.compile("\\{\"statistic\":\"COUNT\",\"value\":([0-9.E]+)\\}");
        private static final Pattern COMMANDS = Pattern.compile("\"tag\":\"command\",\"values\":\\[([^\\]]*)\\]");

        static MongoCommands read(String base, String token) throws Exception {
            HttpClient http = HttpClient.newHttpClient();
            Map<String, Long> counts = new java.util.TreeMap<>();
            String all = get(http, base + "/actuator/metrics/mongodb.driver.commands", token);
            Matcher names = COMMANDS.matcher(all);
            if (names.find()) {
                for (String quoted : names.group(1).split(",")) {
                    String name = quoted.replace("\"", "").trim();
                    Matcher count = COUNT.matcher(get(http, base + "/actuator/metrics/mongodb.driver.commands?tag=command:" + name, token));
                    counts.put(name, count.find() ? (long) Double.parseDouble(count.group(1)) : 0L);
                }
            }
            return new MongoCommands(counts);
        }

        private static String get(HttpClient http, String uri, String token) throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri)).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : "";
        }

        long total() {
            return byCommand.values().stream().mapToLong(Long::longValue).sum();
        }

        MongoCommands minus(MongoCommands earlier) {
            Map<String, Long> used = new java.util.TreeMap<>();
            byCommand.forEach((name, count) -> used.put(name, count - earlier.byCommand.getOrDefault(name, 0L)));
            return new MongoCommands(used);
        }

        String perEvent(int events) {
            StringBuilder text = new StringBuilder();
            byCommand.forEach((name, count) -> {
                if (count > 0) {
                    text.append(text.isEmpty() ? "" : ", ").append(name).append(' ').append(String.format("%.2f", count / (double) Math.max(1, events)));
                }
            });
            return text.toString();
        }
    }

    /**
     * notification-service's batch listener calls so far: how many, and the time spent in them (Spring Kafka's
     * {@code spring.kafka.listener} timer on {@code /actuator/metrics}); the max is over the timer's recent window.
     */
    record ListenerTimer(long count, double totalSeconds, double maxSeconds) {

        private static final Pattern STATISTIC = Pattern.compile("\\{\"statistic\":\"(COUNT|TOTAL_TIME|MAX)\",\"value\":([0-9.E-]+)\\}");

        static ListenerTimer read(String base, String token) throws Exception {
            String body = MongoCommands.get(HttpClient.newHttpClient(), base + "/actuator/metrics/spring.kafka.listener", token);
            Map<String, Double> values = new java.util.HashMap<>();
            Matcher statistic = STATISTIC.matcher(body);
            while (statistic.find()) {
                values.put(statistic.group(1), Double.parseDouble(statistic.group(2)));
            }
            return new ListenerTimer(values.getOrDefault("COUNT", 0.0).longValue(), values.getOrDefault("TOTAL_TIME", 0.0),
                    values.getOrDefault("MAX", 0.0));
        }

        ListenerTimer minus(ListenerTimer earlier) {
            return new ListenerTimer(count - earlier.count, totalSeconds - earlier.totalSeconds, maxSeconds);
        }

        double meanMillis() {
            return count == 0 ? 0 : totalSeconds * 1000 / count;
        }

        double maxMillis() {
            return maxSeconds * 1000;
        }
    }

    private static String ms(long nanos) {
        return String.format("%.1f ms", nanos / 1e6);
    }

    private static void say(String format, Object... values) {
        System.out.printf(format + "%n", values);
    }
}
