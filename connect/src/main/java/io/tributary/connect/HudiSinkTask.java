package io.tributary.connect;

import io.tributary.api.ChangeSinkProvider;
import io.tributary.sink.hudi.HudiSinkProvider;

/** The task of {@link HudiSinkConnector}. */
public final class HudiSinkTask extends ChangeSinkTask {
    @Override
    protected ChangeSinkProvider provider() {
        return new HudiSinkProvider();
    }
}
