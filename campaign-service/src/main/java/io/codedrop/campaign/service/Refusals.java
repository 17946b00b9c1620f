package io.codedrop.campaign.service;

import io.codedrop.support.problem.ProblemException;
import io.codedrop.support.problem.Problems;

/** Failures for someone who can see a team or campaign but lacks the role for what they asked. */
final class Refusals {
    private Refusals() {
    }

    static ProblemException forbidden() {
        return new ProblemException(Problems.forbidden());
    }
}
