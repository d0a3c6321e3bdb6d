package qc.esac.projects;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.ZoneId;

@SpringBootApplication
public class ProjectsApplication {

    public static void main(String[] args) {
        SpringApplication.run(ProjectsApplication.class, args);
    }

    /** Dates of projects, steps and periods are Quebec dates. */
    @Bean
    Clock clock() {
        return Clock.system(ZoneId.of("America/Montreal"));
    }
}
