using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Options;

namespace Chancery.Web.Localization;

// Validation and model-binding messages come from Texts, so a French page never shows
// "The Surname field is required.". An attribute without ErrorMessage gets the key
// "validation.<attribute name>" (validation.Required, validation.StringLength...) when Texts has it.
internal sealed class ValidationMessagesSetup(Texts texts) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        options.ModelMetadataDetailsProviders.Add(new DefaultValidationMessages(texts));

        var messages = options.ModelBindingMessageProvider;
        messages.SetValueMustNotBeNullAccessor(_ => texts["validation.binding.required"]);
        messages.SetMissingBindRequiredValueAccessor(_ => texts["validation.binding.required"]);
        messages.SetMissingKeyOrValueAccessor(() => texts["validation.binding.required"]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => texts["validation.binding.required"]);
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => texts["validation.binding.invalid", value]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => texts["validation.binding.invalid", value]);
        messages.SetUnknownValueIsInvalidAccessor(_ => texts["validation.binding.unknown"]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => texts["validation.binding.unknown"]);
        messages.SetValueIsInvalidAccessor(value => texts["validation.binding.invalid", value]);
        messages.SetValueMustBeANumberAccessor(_ => texts["validation.binding.number"]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => texts["validation.binding.number"]);
    }

    private sealed class DefaultValidationMessages(Texts texts) : IValidationMetadataProvider
    {
        public void CreateValidationMetadata(ValidationMetadataProviderContext context)
        {
            foreach (var attribute in context.ValidationMetadata.ValidatorMetadata.OfType<ValidationAttribute>())
            {
                if (!HasDefaultMessage(attribute))
                    continue;
                var name = attribute.GetType().Name;
                var key = "validation." + (name.EndsWith("Attribute", StringComparison.Ordinal) ? name[..^"Attribute".Length] : name);
                if (texts.Contains(key))
                    attribute.ErrorMessage = key;
            }
        }

        // Some attributes (EmailAddress, Phone, Url) report their built-in English text as ErrorMessage;
        // an author's own message differs from what a fresh instance says.
        private static bool HasDefaultMessage(ValidationAttribute attribute)
        {
            if (attribute.ErrorMessageResourceName is not null)
                return false;
            if (attribute.ErrorMessage is null)
                return true;
            return attribute.GetType().GetConstructor(Type.EmptyTypes)?.Invoke(null) is ValidationAttribute fresh
                && fresh.ErrorMessage == attribute.ErrorMessage;
        }
    }
}
