package qc.esac.membership.reference;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import qc.esac.kit.web.PageView;

import java.util.Arrays;
import java.util.List;

/**
 * The reference lists forms and filters use, with both labels so a client can switch language without a new
 * call. Public: nothing here is personal or private.
 */
@RestController
@RequestMapping("/api/membership/reference")
class ReferenceController {

    @GetMapping("/regions")
    @Operation(summary = "Lister les régions administratives",
            description = "List Quebec's administrative regions.")
    PageView<ReferenceItem> regions(@RequestParam(defaultValue = "0") @Min(0) int page,
                                    @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
        return PageView.of(items(Region.values()), page, size);
    }

    @GetMapping("/sectors")
    @Operation(summary = "Lister les secteurs d’activité",
            description = "List the activity sectors.")
    PageView<ReferenceItem> sectors(@RequestParam(defaultValue = "0") @Min(0) int page,
                                    @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
        return PageView.of(items(Sector.values()), page, size);
    }

    @GetMapping("/legal-forms")
    @Operation(summary = "Lister les formes juridiques",
            description = "List the legal forms.")
    PageView<LegalFormItem> legalForms(@RequestParam(defaultValue = "0") @Min(0) int page,
                                       @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
        return PageView.of(Arrays.stream(LegalForm.values())
                .map(f -> new LegalFormItem(f.code(), f.labelFr(), f.labelEn(), f.cooperative())).toList(), page, size);
    }

    @GetMapping("/budget-bands")
    @Operation(summary = "Lister les tranches de budget",
            description = "List the budget bands.")
    PageView<ReferenceItem> budgetBands(@RequestParam(defaultValue = "0") @Min(0) int page,
                                        @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
        return PageView.of(items(BudgetBand.values()), page, size);
    }

    private static List<ReferenceItem> items(Labelled[] values) {
        return Arrays.stream(values).map(v -> new ReferenceItem(v.code(), v.labelFr(), v.labelEn())).toList();
    }

    record ReferenceItem(String code, String labelFr, String labelEn) {
    }

    record LegalFormItem(String code, String labelFr, String labelEn, boolean cooperative) {
    }
}
