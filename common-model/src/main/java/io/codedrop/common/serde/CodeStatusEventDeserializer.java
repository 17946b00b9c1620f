package io.codedrop.common.serde;

import io.codedrop.common.event.CodeStatusEvent;

public class CodeStatusEventDeserializer extends EventDeserializer<CodeStatusEvent> {
    public CodeStatusEventDeserializer() {
        super(CodeStatusEvent.class);
    }
}
