package org.icm.service.probe;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** A read model kept by a streaming processor whose token lives in MongoDB. */
@Component
@ProcessingGroup("tally-projection")
class TallyProjection {

    /** Tallies whose next count fails once, as a read model's store that is briefly away would. */
    static final Set<String> FAIL_NEXT_COUNT = ConcurrentHashMap.newKeySet();

    private final MongoTemplate mongo;

    TallyProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(Tally.TallyOpened event) {
        mongo.upsert(Query.query(Criteria.where("_id").is(event.tallyId())), Update.update("name", event.name()), "tallies");
    }

    @EventHandler
    void on(Tally.TallyCounted event) {
        if (FAIL_NEXT_COUNT.remove(event.tallyId())) {
            throw new IllegalStateException("the read model's store is away (a test's fault)");
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(event.tallyId())), Update.update("total", event.total()), "tallies");
    }
}
