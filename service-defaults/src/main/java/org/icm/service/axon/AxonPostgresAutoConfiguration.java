package org.icm.service.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.axonframework.springboot.autoconfig.JpaAutoConfiguration;
import org.axonframework.springboot.autoconfig.NoOpTransactionAutoConfiguration;
import org.axonframework.springboot.autoconfig.ObjectMapperAutoConfiguration;
import org.axonframework.springboot.autoconfig.TransactionAutoConfiguration;
import org.icm.kernel.privacy.PersonalDataKeys;
import org.icm.kernel.privacy.PersonalDataModule;
import org.icm.service.integration.WakingEventSource;
import org.icm.service.privacy.ChangesMadeBy;
import org.icm.service.privacy.PersonalDataAutoConfiguration;
import org.icm.service.tracing.TraceContexts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.function.SingletonSupplier;

/**
 * Axon as ARCHITECTURE.md and STACK.md decide it, spelled out rather than left to Axon's auto-configuration
 * (whose conditions name Spring Boot 3 classes):
 * <ul>
 *   <li>the event store is PostgreSQL through the JDBC engine (global sequence, gap-aware tracking tokens,
 *       {@code bytea} payloads), its tables made and changed by the versioned migrations of {@code db/event-store}
 *       (Flyway, history in {@code event_store_schema_history}, apart from the service's own migrations);</li>
 *   <li>every unit of work runs in one JDBC transaction, so a command's events are appended all or none;</li>
 *   <li>processor tokens live in the service's MongoDB database, beside the read models they track,
 *       so a restart resumes where it stopped (never an in-memory token store);</li>
 *   <li>messages are JSON (Jackson 2, which Axon 4 needs), records and java.time included, personal values sealed;</li>
 *   <li>the audit metadata of a command (account, organisation, reason) is copied onto its events.</li>
 * </ul>
 */
@AutoConfiguration(
        after = {PersonalDataAutoConfiguration.class, DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class, DataMongoAutoConfiguration.class},
        before = {AxonAutoConfiguration.class, JdbcAutoConfiguration.class, JpaAutoConfiguration.class,
                TransactionAutoConfiguration.class, NoOpTransactionAutoConfiguration.class, ObjectMapperAutoConfiguration.class})
@ConditionalOnClass({EventStorageEngine.class, JdbcEventStorageEngine.class, MongoTokenStore.class, DataSource.class})
public class AxonPostgresAutoConfiguration {

    /**
     * The event table in PostgreSQL's own naming style (Axon's JDBC defaults are camelCase, which PostgreSQL
     * folds to unreadable lower case): {@code domain_event_entry(global_index, aggregate_identifier, ...)}.
     */
    static final EventSchema SNAKE_CASE_SCHEMA = EventSchema.builder()
            .eventTable("domain_event_entry")
            .snapshotTable("snapshot_event_entry")
            .globalIndexColumn("global_index")
            .eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .typeColumn("type")
            .timestampColumn("time_stamp")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .build();

    /** Jackson 2 for Axon's JacksonSerializer (Spring Boot 4's own ObjectMapper is Jackson 3). */
    @Bean
    @ConditionalOnMissingBean(ObjectMapper.class)
    ObjectMapper axonObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new ParameterNamesModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }

    /**
     * The mapper of Axon's serializers alone (Axon looks for this name): the service's mapper, plus sealing of
     * {@link org.icm.kernel.privacy.PersonalData} values with their person's key, so no personal value reaches an event
     * or snapshot row in clear. Not offered for injection: read models keep clear values (and purge them on erasure).
     */
    @Bean(name = "defaultAxonObjectMapper", autowireCandidate = false)
    ObjectMapper defaultAxonObjectMapper(ObjectMapper objectMapper, PersonalDataKeys keys) {
        return objectMapper.copy().registerModule(new PersonalDataModule(keys));
    }

    @Bean
    @ConditionalOnMissingBean(TransactionManager.class)
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    @Bean
    @ConditionalOnMissingBean(ConnectionProvider.class)
    ConnectionProvider axonConnectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    @Bean
    @ConditionalOnMissingBean(PersistenceExceptionResolver.class)
    PersistenceExceptionResolver axonPersistenceExceptionResolver() {
        return new PostgresDuplicateKeyResolver();
    }

    @Bean
    @ConditionalOnMissingBean(EventStorageEngine.class)
    EventStorageEngine eventStorageEngine(DataSource dataSource, ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                          Serializer serializer, @Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Value("${icm.event-store.batch-size:100}") int batchSize) {
        EventStoreMigrations.migrate(dataSource);
        // events are read in batches of this many rows, one query each: loading an aggregate, replaying history
        return JdbcEventStorageEngine.builder()
                .batchSize(batchSize)
                .schema(SNAKE_CASE_SCHEMA)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .build();
    }

    @Bean
    @ConditionalOnMissingBean(TokenStore.class)
    TokenStore tokenStore(MongoDatabaseFactory mongo, Serializer serializer) {
        return MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(mongo.getMongoDatabase()).build())
                .serializer(serializer)
                // the MongoDB-wire stand-in has no transactions; token updates are single-document writes
                .transactionManager(NoTransactionManager.INSTANCE)
                .build();
    }

    /**
     * The event store for pooled processors, calling them back when events arrive instead of letting them look every
     * 500 ms ({@link WakingEventSource}; one watcher thread for all): a write shows in its read model in milliseconds,
     * so a page that waits for its own write (read-your-writes) waits that long, not a quarter of a second on average.
     * A read model's processor takes it with {@code axon.eventhandling.processors.<name>.source: eventsOnArrival}; the
     * outbox publisher takes it unless {@code icm.integration.wake-on-arrival=false}.
     */
    @Bean(name = "eventsOnArrival", destroyMethod = "close")
    WakingEventSource eventsOnArrival(EventStore eventStore) {
        return new WakingEventSource(eventStore, "eventsOnArrival");
    }

    /**
     * Every event processor fails the batch whose handler failed, instead of logging the error and moving its token
     * past the event (Axon's default {@code LoggingErrorHandler}): a read model that skipped an event stays wrong until
     * someone replays it, and a skipped erasure would leave a person's data in place. The batch rolls back with the
     * token where it was and the processor retries it with a growing pause, logging each failure, until it succeeds
     * (the database back, a stale state read again).
     *
     * <p>And no processor runs its batch in a JDBC transaction: the tokens are in MongoDB, outside that transaction, and
     * a tracking processor given a transaction manager stores its token <em>before</em> handling the batch (trusting
     * the rollback to undo it), so a failed batch was skipped all the same. Without one it stores the token after the
     * batch succeeded. The handlers write to MongoDB (or through their own JDBC calls), never in that transaction.
     */
    @Bean
    ConfigurerModule failedEventsAreRetriedNotSkipped() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance())
                .registerDefaultErrorHandler(configuration -> PropagatingErrorHandler.instance())
                .registerDefaultTransactionManager(configuration -> NoTransactionManager.instance());
    }

    @Bean
    ReadModelAdminController readModelAdminController(EventProcessingConfiguration processing) {
        return new ReadModelAdminController(processing);
    }

    /** A person's copy of their data includes the changes they made in this service's history. */
    @Bean
    ChangesMadeBy changesMadeBy(DataSource dataSource) {
        return new ChangesMadeBy(new JdbcTemplate(dataSource));
    }

    @Bean
    AxonProblemsAdvice axonProblemsAdvice() {
        return new AxonProblemsAdvice();
    }

    /** A command's events keep the trace of the request that caused them, for the outbox publisher to go on with. */
    @Bean
    CorrelationDataProvider traceCorrelation(ObjectProvider<TraceContexts> traces) {
        SingletonSupplier<TraceContexts> tracing = SingletonSupplier.of(traces::getIfAvailable);
        return message -> tracing.get() == null ? Map.of() : Map.copyOf(tracing.get().current());
    }

    @Bean
    CorrelationDataProvider auditCorrelation() {
        return new SimpleCorrelationDataProvider(AuditMetaData.ACCOUNT, AuditMetaData.ORGANISATION, AuditMetaData.REASON);
    }
}
