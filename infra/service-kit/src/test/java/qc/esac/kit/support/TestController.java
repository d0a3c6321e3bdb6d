package qc.esac.kit.support;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import qc.esac.kit.problem.BusinessRuleException;
import qc.esac.kit.problem.ConflictException;
import qc.esac.kit.problem.FieldViolation;
import qc.esac.kit.problem.ForbiddenException;
import qc.esac.kit.problem.InvalidInputException;
import qc.esac.kit.problem.NotFoundException;
import qc.esac.kit.security.EsacUser;
import qc.esac.kit.web.VersionHeaders;

/** A small API exercising every error path of the kit. */
@RestController
class TestController {

    static final long CURRENT_VERSION = 3;

    private final TestService service;

    TestController(TestService service) {
        this.service = service;
    }

    record CreateOrganization(@NotBlank String name, @Email String email, @Size(max = 5) String code,
            @Min(0) int members) {
    }

    record Organization(String id, String name) {
    }

    @PostMapping(path = "/test/orgs", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Organization create(@Valid @RequestBody CreateOrganization request) {
        return new Organization("org-1", request.name());
    }

    @GetMapping(path = "/test/orgs/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Organization> get(@PathVariable String id) {
        if (!id.equals("org-1")) {
            throw new NotFoundException("organisation.introuvable", id);
        }
        return ResponseEntity.ok().eTag(VersionHeaders.etag(CURRENT_VERSION)).body(new Organization(id, "Coop"));
    }

    @PutMapping(path = "/test/orgs/{id}")
    ResponseEntity<Organization> update(@PathVariable String id,
            @RequestHeader(name = VersionHeaders.IF_MATCH, required = false) String ifMatch) {
        VersionHeaders.requireCurrent(ifMatch, CURRENT_VERSION);
        return ResponseEntity.ok().eTag(VersionHeaders.etag(CURRENT_VERSION + 1)).body(new Organization(id, "Coop"));
    }

    @GetMapping("/test/search")
    List<String> search(@RequestParam @Min(1) @Max(100) int size) {
        return List.of();
    }

    @GetMapping("/test/header")
    String header(@RequestHeader("X-Organisation") String organisation) {
        return organisation;
    }

    @PostMapping("/test/duplicate")
    void duplicate() {
        throw new ConflictException("organisation.doublon", "Coop");
    }

    @PostMapping("/test/rule")
    void rule() {
        throw new BusinessRuleException("session.complete");
    }

    @PostMapping("/test/period")
    void period() {
        throw InvalidInputException.of(FieldViolation.of("periode.fin", "periode.fin-avant-debut"));
    }

    @PostMapping("/test/register")
    String register(@RequestParam(defaultValue = "") String name) {
        return service.register(name);
    }

    @GetMapping("/test/forbidden")
    void forbidden() {
        throw new ForbiddenException("acces.refuse");
    }

    @GetMapping("/test/boom")
    void boom() {
        throw new IllegalStateException("secret internals: mongodb://admin:hunter2@db");
    }

    @GetMapping("/test/staff-only")
    @PreAuthorize("hasRole('STAFF')")
    String staffOnly() {
        return "ok";
    }

    @GetMapping("/test/orgs/{id}/members")
    List<String> members(@PathVariable String id, EsacUser user) {
        user.requireOrganization(id);
        return List.of("m-1");
    }

    @GetMapping("/test/me")
    Map<String, Object> me(EsacUser user) {
        return Map.of("id", user.id(), "roles", user.roles(), "orgs", user.organizationIds());
    }

    @GetMapping("/public/whoami")
    String whoami(EsacUser user) {
        return user.id();
    }

    @GetMapping("/public/ping")
    String ping() {
        return "pong";
    }

    @PostMapping("/simulate")
    String simulate() {
        return "simulated";
    }
}
