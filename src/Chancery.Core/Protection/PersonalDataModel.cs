using Microsoft.EntityFrameworkCore;

namespace Chancery.Core.Protection;

/// <summary>Maps the fields of <see cref="PersonalData"/>: the clear property is not mapped; a shadow property holds the sealed text in the column of the same name.</summary>
public static class PersonalDataModel
{
    public static void Apply(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var entity in PersonalData.Entities)
        {
            var b = builder.Entity(entity.ClrType);
            foreach (var field in entity.Fields)
            {
                b.Ignore(field.Name);
                // No length limit: the sealed form is longer than the value (about 4/3 of it plus 45 characters).
                b.Property<string>(PersonalData.Stored(field.Name)).HasColumnName(field.Name).IsRequired(!field.IsNullable);
            }

            foreach (var keyed in entity.Keyed)
            {
                b.Ignore(keyed.Name);
                b.Property<string>(PersonalData.Stored(keyed.Name)).HasColumnName(keyed.Name).HasMaxLength(24).IsRequired(false);
            }

            foreach (var index in entity.Indexes)
            {
                b.Property<int?>(index.Column);
                b.HasIndex(index.Column);
            }
        }
    }
}
