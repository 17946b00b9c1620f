package io.codedrop.campaign.rest;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** On a {@link PatchRequest}: the named properties may be left out but not cleared with null. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = NotNullWhenSent.Validator.class)
public @interface NotNullWhenSent {
    /** Java property names; violations name them, so the problem document shows each field. */
    String[] value();

    String message() default "must not be null";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<NotNullWhenSent, PatchRequest> {
        private String[] properties;

        @Override
        public void initialize(NotNullWhenSent annotation) {
            properties = annotation.value();
        }

        @Override
        public boolean isValid(PatchRequest request, ConstraintValidatorContext context) {
            if (request == null) {
                return true;
            }
            boolean valid = true;
            context.disableDefaultConstraintViolation();
            for (String property : properties) {
                if (request.sentAsNull(property)) {
                    valid = false;
                    context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                            .addPropertyNode(property)
                            .addConstraintViolation();
                }
            }
            return valid;
        }
    }
}
