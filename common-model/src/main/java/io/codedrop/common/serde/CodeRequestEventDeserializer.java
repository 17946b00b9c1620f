package io.codedrop.common.serde;

import io.codedrop.common.event.CodeRequestEvent;

public class CodeRequestEventDeserializer extends EventDeserializer<CodeRequestEvent> {
    public CodeRequestEventDeserializer() {
        super(CodeRequestEvent.class);
    }
}
