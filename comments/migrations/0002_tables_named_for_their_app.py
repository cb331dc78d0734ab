from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_initial"),
    ]

    operations = [
        migrations.RenameIndex(
            model_name="comment",
            new_name="comments_co_post_id_c397d3_idx",
            old_name="blog_commen_post_id_245a5d_idx",
        ),
        migrations.RenameIndex(
            model_name="commentattempt",
            new_name="comments_co_ip_addr_8e8743_idx",
            old_name="blog_commen_ip_addr_6ae766_idx",
        ),
        migrations.RenameIndex(
            model_name="commentattempt",
            new_name="comments_co_created_19cc18_idx",
            old_name="blog_commen_created_0076ea_idx",
        ),
        migrations.AlterModelTable(
            name="comment",
            table=None,
        ),
        migrations.AlterModelTable(
            name="commentattempt",
            table=None,
        ),
        migrations.AlterModelTable(
            name="notification",
            table=None,
        ),
        migrations.AlterModelTable(
            name="subscription",
            table=None,
        ),
    ]
