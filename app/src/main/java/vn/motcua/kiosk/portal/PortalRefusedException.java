// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.portal;

/**
 * The portal understood the request and refused it (4xx other than 408/429): sending it again
 * will not help. {@link #problem()} carries the portal's reason and, for 422, the fields to fix.
 */
public final class PortalRefusedException extends PortalException {
    private final Problem problem;

    public PortalRefusedException(String operation, Problem problem) {
        super(operation, problem.status(), null, problem.kind() + (problem.title() == null ? "" : " (" + problem.title() + ")"), null);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    @Override
    public boolean retryable() {
        return false;
    }

    @Override
    public String messageKey() {
        return status() == 422 ? "portal.error.invalid" : "portal.error.refused";
    }
}
