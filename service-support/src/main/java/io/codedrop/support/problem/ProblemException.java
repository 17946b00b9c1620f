package io.codedrop.support.problem;

import io.codedrop.common.problem.ProblemDetail;

/** A failure the client caused or must know about, answered as the problem document it carries. */
public class ProblemException extends RuntimeException {
    private final transient ProblemDetail problem;

    public ProblemException(ProblemDetail problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public ProblemDetail problem() {
        return problem;
    }
}
