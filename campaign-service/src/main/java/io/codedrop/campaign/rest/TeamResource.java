package io.codedrop.campaign.rest;

import io.codedrop.campaign.mapping.TeamMapper;
import io.codedrop.campaign.service.TeamService;
import io.codedrop.common.api.PageResponse;
import io.codedrop.support.identity.DeveloperContext;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

@Path("/api/v1/teams")
@Authenticated
public class TeamResource {
    private final TeamService teams;
    private final DeveloperContext caller;

    public TeamResource(TeamService teams, DeveloperContext caller) {
        this.teams = teams;
        this.caller = caller;
    }

    @POST
    public Uni<RestResponse<TeamResponse>> create(@Valid @NotNull TeamCreateRequest request, UriInfo uri) {
        return teams.create(caller.current(), request)
                .map(created -> TeamMapper.toResponse(created.team(), created.members(), created.viewer()))
                .map(created -> RestResponse.ResponseBuilder
                        .<TeamResponse>created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                        .entity(created)
                        .build());
    }

    @GET
    public Uni<PageResponse<TeamResponse>> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return teams.list(caller.current(), page, size)
                .map(found -> TeamMapper.toResponse(found.teams(), found.members(), found.viewer()));
    }

    @GET
    @Path("/{id}")
    public Uni<TeamResponse> get(@PathParam("id") UUID id) {
        return teams.get(caller.current(), id)
                .map(found -> TeamMapper.toResponse(found.team(), found.members(), found.viewer()));
    }

    /** Adds a member (201) or changes a member's role (200). */
    @POST
    @Path("/{id}/members")
    public Uni<RestResponse<TeamMemberResponse>> putMember(@PathParam("id") UUID id,
                                                           @Valid @NotNull TeamMemberRequest request) {
        return teams.putMember(caller.current(), id, request)
                .map(result -> RestResponse.status(result.added() ? RestResponse.Status.CREATED : RestResponse.Status.OK,
                        TeamMapper.toResponse(result.member())));
    }

    /** Removes a member; any member may remove themselves, which is how one leaves a team. */
    @DELETE
    @Path("/{id}/members/{developer_id}")
    public Uni<Void> removeMember(@PathParam("id") UUID id, @PathParam("developer_id") UUID developerId) {
        return teams.removeMember(caller.current(), id, developerId);
    }
}
