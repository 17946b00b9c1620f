package io.codedrop.campaign.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** PATCH of the caller's profile; the email always comes from the token, so it is not part of it. */
@NotNullWhenSent({"name"})
public class DeveloperUpdateRequest extends PatchRequest {
    @Size(max = 255)
    @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
    private String name;
    @Size(max = 255)
    private String companyName;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
        sent("name", name);
    }

    public String getCompanyName() {
        return companyName;
    }

    public void setCompanyName(String companyName) {
        this.companyName = companyName;
        sent("companyName", companyName);
    }
}
