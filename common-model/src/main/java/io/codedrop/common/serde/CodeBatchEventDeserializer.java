package io.codedrop.common.serde;

import io.codedrop.common.event.CodeBatchEvent;

public class CodeBatchEventDeserializer extends EventDeserializer<CodeBatchEvent> {
    public CodeBatchEventDeserializer() {
        super(CodeBatchEvent.class);
    }
}
