package io.codedrop.campaign.domain;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Who may see and manage a campaign, as token subjects: the owner alone for a personal campaign, the
 * team's members by role for a team campaign. Other services authorise with these sets.
 */
public record Audience(String ownerSubject, Set<String> managers, Set<String> readers) {
    public static Audience personal(Developer owner) {
        Set<String> owners = Set.of(owner.getSubject());
        return new Audience(owner.getSubject(), owners, owners);
    }

    public static Audience team(Developer creator, Collection<TeamMember> members) {
        Set<String> managers = new HashSet<>();
        Set<String> readers = new HashSet<>();
        for (TeamMember member : members) {
            String subject = member.getDeveloper().getSubject();
            readers.add(subject);
            if (member.getRole().managesCampaigns()) {
                managers.add(subject);
            }
        }
        return new Audience(creator.getSubject(), Set.copyOf(managers), Set.copyOf(readers));
    }
}
